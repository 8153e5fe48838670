package org.homeward.platform.mongo;

import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Idempotent inserts of many documents in one round trip: documents under deterministic ids are inserted by one
 * unordered bulk write, and those whose id (or another unique key) exists already — a redelivered event's, or the same
 * one twice in the list — are left as they are instead of failing the rest. Unlike {@code MongoTemplate.insert}, a
 * bulk insert does not initialise {@code @Version} fields: give new documents their first version yourself.
 *
 * <pre>{@code
 * boolean[] stored = BulkInserts.insertAbsent(mongo, Delivery.class, deliveries);
 * }</pre>
 */
public final class BulkInserts {

    private static final int DUPLICATE_KEY = 11000;

    private BulkInserts() {}

    /**
     * Inserts the documents that do not exist yet.
     *
     * @return for each document, in the list's order, whether this call stored it
     * @throws BulkOperationException if a document failed for another reason than an existing key; the documents
     *     without an error in it were stored all the same
     */
    public static boolean[] insertAbsent(MongoOperations mongo, Class<?> entityType, List<?> documents) {
        var stored = new boolean[documents.size()];
        if (documents.isEmpty()) {
            return stored;
        }
        Arrays.fill(stored, true);
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, entityType)
                    .insert(documents)
                    .execute();
        } catch (BulkOperationException someExisted) {
            if (someExisted.getErrors().isEmpty()) {
                throw someExisted;
            }
            for (var error : someExisted.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw someExisted;
                }
                stored[error.getIndex()] = false;
            }
        }
        return stored;
    }
}
