package org.homeward.platform.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * What the writes that bypass the template's bulk operations share: entities mapped as the template maps them, and
 * the driver's failures reported as the template reports them.
 */
final class DriverWrites {

    /** The server's code for a write that would duplicate a unique key. */
    static final int DUPLICATE_KEY = 11000;

    private static final MongoExceptionTranslator EXCEPTIONS = new MongoExceptionTranslator();

    private DriverWrites() {}

    /** The entity as the converter writes it (type alias included), without mapping events. */
    static Document mapped(MongoOperations mongo, Object entity) {
        var document = new Document();
        mongo.getConverter().write(entity, document);
        return document;
    }

    /** The driver's failure as Spring's {@code DataAccessException}, where one applies. */
    static RuntimeException translated(RuntimeException failure) {
        var translated = EXCEPTIONS.translateExceptionIfPossible(failure);
        return translated != null ? translated : failure;
    }
}
