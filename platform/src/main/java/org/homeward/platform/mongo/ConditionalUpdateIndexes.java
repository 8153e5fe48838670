package org.homeward.platform.mongo;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * Unique indexes on {@code _id} plus the fields a conditional update names, such as {@code {_id, version}} for an
 * optimistic-lock save or {@code {_id, status}} for a claim.
 *
 * <p>Real MongoDB answers such a query from the {@code _id} index alone. The MongoDB wire server used on machines
 * without MongoDB only uses an index whose keys are exactly the query's fields, so without one every conditional
 * update scans the whole collection under the collection's lock, and a burst of N updates costs N² document reads
 * (benchmarks/README.md, notification latency). The index is unique because {@code _id} is; on real MongoDB it costs
 * one small extra index.
 *
 * <pre>{@code
 * ConditionalUpdateIndexes.ensure(mongo.indexOps(Delivery.class), "status");
 * }</pre>
 */
public final class ConditionalUpdateIndexes {

    private ConditionalUpdateIndexes() {}

    /**
     * Creates (if missing) one unique index on {@code _id} and these fields, in this order.
     *
     * @param conditionFields the fields a conditional update by id also names, e.g. {@code "version"}
     */
    public static void ensure(IndexOperations indexes, String... conditionFields) {
        if (conditionFields.length == 0) {
            throw new IllegalArgumentException("_id alone is indexed already; name the condition's fields");
        }
        indexes.createIndex(index(List.of(conditionFields)));
    }

    static Index index(List<String> conditionFields) {
        var index = new Index().on("_id", Sort.Direction.ASC);
        conditionFields.forEach(field -> index.on(field, Sort.Direction.ASC));
        return index.unique().named(conditionFields.stream().collect(Collectors.joining("_", "_id_", "_condition")));
    }
}
