package org.homeward.matching.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The stored profiles, one document per record; every write is one conditional upsert on the event sequence. */
@Repository
class CandidateProfiles {

    private static final Logger log = LoggerFactory.getLogger(CandidateProfiles.class);

    /** How an event met the stored profile. */
    enum Applied {
        /** The first event of a record not seen before: applied, and nothing else is known about the record. */
        FIRST,
        /** The event was newer than anything applied and is now applied. */
        APPLIED,
        /** The event was applied before (same sequence): a redelivery. */
        REPEATED,
        /** A newer event was applied already: this one is ignored. */
        STALE
    }

    private final MongoTemplate mongo;

    CandidateProfiles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code changes} if {@code sequence} is newer than the stored one: one atomic upsert whose filter requires
     * {@code lastSequence < sequence}. If a document exists but fails the filter, the upsert's insert collides on
     * {@code _id}, which tells a repeat from a stale event without a second write. An upsert that inserted is the
     * record's {@link Applied#FIRST} event.
     */
    Applied apply(String recordId, String country, long sequence, String eventId, Update changes) {
        changes.set("country", country).set("lastSequence", sequence).set("lastEventId", eventId);
        try {
            var result = mongo.upsert(
                    query(where("_id").is(recordId).and("lastSequence").lt(sequence)), changes, CandidateProfile.class);
            // Inserted rather than updated: no document existed, so this is the record's first event.
            return result.getUpsertedId() != null ? Applied.FIRST : Applied.APPLIED;
        } catch (DuplicateKeyException alreadyNewer) {
            var stored = find(recordId).orElseThrow(() -> alreadyNewer);
            if (stored.lastSequence() == sequence) {
                if (!stored.lastEventId().equals(eventId)) {
                    log.warn(
                            "Record {} sequence {} arrived again with another event id {}; kept the first",
                            recordId,
                            sequence,
                            eventId);
                }
                return Applied.REPEATED;
            }
            return Applied.STALE;
        }
    }

    Optional<CandidateProfile> find(String recordId) {
        return Optional.ofNullable(mongo.findById(recordId, CandidateProfile.class));
    }

    /** Streams every record that takes part in matching (not erased, with a profile). */
    void forEachCandidate(Consumer<CandidateProfile> action) {
        try (var all =
                mongo.stream(query(where("erasedAt").isNull().and("description").ne(null)), CandidateProfile.class)) {
            all.filter(CandidateProfile::isCandidate).forEach(action);
        }
    }
}
