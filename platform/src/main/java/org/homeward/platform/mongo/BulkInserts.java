package org.homeward.platform.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Idempotent inserts of many documents in one round trip: documents under deterministic ids are inserted by one
 * unordered bulk write, and those whose id (or another unique key) exists already — a redelivered event's, or the same
 * one twice in the list — are left as they are instead of failing the rest. The entities are mapped by the converter
 * and written by the driver: no mapping events are published, and {@code @Version} fields are not initialised (give
 * new documents their first version yourself).
 *
 * <pre>{@code
 * boolean[] stored = BulkInserts.insertAbsent(mongo, Delivery.class, deliveries);
 * }</pre>
 */
public final class BulkInserts {

    private BulkInserts() {}

    /**
     * Inserts the entities that do not exist yet.
     *
     * @return for each entity, in the list's order, whether this call stored it
     * @throws org.springframework.dao.DataAccessException if an entity failed for another reason than an existing
     *     key (the entities without an error were stored all the same), or the store could not be reached
     */
    public static boolean[] insertAbsent(MongoOperations mongo, Class<?> entityType, List<?> entities) {
        var stored = new boolean[entities.size()];
        if (entities.isEmpty()) {
            return stored;
        }
        var inserts = new ArrayList<InsertOneModel<Document>>(entities.size());
        for (var entity : entities) {
            inserts.add(new InsertOneModel<>(DriverWrites.mapped(mongo, entity)));
        }
        Arrays.fill(stored, true);
        try {
            mongo.getCollection(mongo.getCollectionName(entityType))
                    .bulkWrite(inserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException someExisted) {
            if (someExisted.getWriteErrors().isEmpty()) {
                throw DriverWrites.translated(someExisted);
            }
            for (var error : someExisted.getWriteErrors()) {
                if (error.getCode() != DriverWrites.DUPLICATE_KEY) {
                    throw DriverWrites.translated(someExisted);
                }
                stored[error.getIndex()] = false;
            }
        } catch (RuntimeException failed) {
            throw DriverWrites.translated(failed);
        }
        return stored;
    }
}
