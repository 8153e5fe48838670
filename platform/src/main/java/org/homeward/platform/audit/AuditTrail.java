package org.homeward.platform.audit;

import java.time.Clock;
import java.util.Objects;
import org.bson.types.ObjectId;
import org.homeward.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * The service's audit trail, in its own collection {@value #COLLECTION}. Entries are only ever inserted. Write the
 * entry <em>before</em> returning data: if the insert fails, {@link #record} throws and the read must fail with it.
 */
public class AuditTrail {

    public static final String COLLECTION = "auditTrail";

    private final MongoOperations mongo;
    private final Clock clock;

    public AuditTrail(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Appends an entry stamped with the clock's now.
     *
     * @param reason why, as the caller stated it; when null, the current request's {@code Homeward-Reason} header
     *     ({@link AuditReasons#current()}) is used. Sanitized either way.
     * @throws org.springframework.dao.DataAccessException when the entry could not be written
     */
    public void record(Caller who, AuditAction what, String resourceType, String resourceId, @Nullable String reason) {
        Objects.requireNonNull(who, "who");
        var why = reason != null ? AuditReasons.sanitize(reason) : AuditReasons.current();
        mongo.insert(
                new AuditEntry(
                        new ObjectId().toHexString(),
                        clock.instant(),
                        who.subject(),
                        who.country(),
                        who.roles(),
                        what,
                        resourceType,
                        resourceId,
                        why),
                COLLECTION);
    }

    /** Appends an entry with the current request's reason. */
    public void record(Caller who, AuditAction what, String resourceType, String resourceId) {
        record(who, what, resourceType, resourceId, null);
    }

    /** Matching entries, newest first, in insertion order within a clock tick (the pageable's sort is ignored). */
    public Page<AuditEntry> find(AuditQuery query, Pageable pageable) {
        return find(query, null, pageable);
    }

    /** As {@link #find(AuditQuery, Pageable)}, limited to callers of one country when it is given. */
    Page<AuditEntry> find(AuditQuery query, @Nullable String callerCountry, Pageable pageable) {
        var criteria = new Criteria();
        if (query.resourceId() != null) {
            criteria.and("resourceId").is(query.resourceId());
        }
        if (query.subject() != null) {
            criteria.and("subject").is(query.subject());
        }
        if (callerCountry != null) {
            criteria.and("country").is(callerCountry);
        }
        if (query.from() != null || query.to() != null) {
            var at = criteria.and("at");
            if (query.from() != null) {
                at.gte(query.from());
            }
            if (query.to() != null) {
                at.lt(query.to());
            }
        }
        var found = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
                .skip(pageable.isPaged() ? pageable.getOffset() : 0)
                .limit(pageable.isPaged() ? pageable.getPageSize() : 0);
        var entries = mongo.find(found, AuditEntry.class, COLLECTION);
        return PageableExecutionUtils.getPage(
                entries, pageable, () -> mongo.count(Query.query(criteria), AuditEntry.class, COLLECTION));
    }

    /** The indexes the queries above need; created at start-up. */
    void createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("resourceId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("subject", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("at", Sort.Direction.DESC));
    }
}
