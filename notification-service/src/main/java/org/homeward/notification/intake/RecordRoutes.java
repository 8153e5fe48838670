package org.homeward.notification.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The record routes, updated idempotently: an event older than the one applied last changes nothing. */
@Repository
class RecordRoutes {

    private final MongoTemplate mongo;

    RecordRoutes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<RecordRoute> find(String recordId) {
        return Optional.ofNullable(mongo.findById(recordId, RecordRoute.class));
    }

    /** The routes of these records that are known, by record id; one query. */
    Map<String, RecordRoute> find(Collection<String> recordIds) {
        var routes = new HashMap<String, RecordRoute>();
        mongo.find(Query.query(where("_id").in(recordIds)), RecordRoute.class)
                .forEach(route -> routes.put(route.recordId(), route));
        return routes;
    }

    void apply(String recordId, String country, String agencyId, boolean urgent, long sequence) {
        var newer = Query.query(where("_id").is(recordId).and("lastSequence").lt(sequence));
        var update = new Update()
                .set("country", country)
                .set("agencyId", agencyId)
                .set("urgent", urgent)
                .set("lastSequence", sequence);
        try {
            mongo.upsert(newer, update, RecordRoute.class);
        } catch (DuplicateKeyException olderEvent) {
            // The route exists with this or a later sequence: a redelivered or out-of-date event.
        }
    }

    void erase(String recordId) {
        mongo.remove(Query.query(where("_id").is(recordId)), RecordRoute.class);
    }
}
