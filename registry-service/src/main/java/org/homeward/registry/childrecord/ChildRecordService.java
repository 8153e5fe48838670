package org.homeward.registry.childrecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.homeward.platform.audit.AuditAction;
import org.homeward.platform.audit.AuditQuery;
import org.homeward.platform.audit.AuditTrail;
import org.homeward.platform.outbox.OutboxRelay;
import org.homeward.platform.problem.FieldError;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.homeward.registry.protection.DocumentHashing;
import org.homeward.registry.protection.FieldEncryption;
import org.homeward.registry.search.NameKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The use cases of a country's registry. Every path to a child record goes through here, where the caller's
 * jurisdiction is checked and the audit entry written before any data is returned.
 */
@Service
public class ChildRecordService {

    private static final Logger log = LoggerFactory.getLogger(ChildRecordService.class);
    private static final String RESOURCE = "childRecord";
    private static final String COLLECTION = "childRecords";
    private static final int SAVE_ATTEMPTS = 5;

    private final ChildRecords records;
    private final MongoTemplate mongo;
    private final ChildRecordContracts contracts;
    private final FieldEncryption encryption;
    private final DocumentHashing documentHashing;
    private final AuditTrail audit;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final Clock clock;
    private final String country;

    ChildRecordService(
            ChildRecords records,
            MongoTemplate mongo,
            ChildRecordContracts contracts,
            FieldEncryption encryption,
            DocumentHashing documentHashing,
            AuditTrail audit,
            OutboxRelay relay,
            JsonMapper json,
            Clock clock,
            @Value("${homeward.country}") String country) {
        this.records = records;
        this.mongo = mongo;
        this.contracts = contracts;
        this.encryption = encryption;
        this.documentHashing = documentHashing;
        this.audit = audit;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.country = country;
    }

    /** The outcome of a registration: the record, and whether an earlier request with the same key created it. */
    record Registration(ChildRecordDetails details, boolean replayed) {}

    /**
     * Registers a found child or files a missing report. With an idempotency key the record id follows from the
     * caller and the key, so a retried request hits the same document and creates nothing twice.
     */
    Registration register(
            ChildRecordDraft draft, @Nullable String idempotencyKey, @Nullable String fingerprint, Caller by) {
        requireWriter(by);
        var id = idempotencyKey == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(
                                (country + "|" + by.subject() + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                        .toString();
        var record = ChildRecord.open(
                id, country, draft.kind(), draft.agencyId(), content(id, draft), fingerprint, by, clock);
        record.stage(contracts::toOutboxEntry);
        try {
            records.insert(record);
        } catch (DuplicateKeyException retried) {
            var existing = records.findById(id).orElseThrow(() -> new ChildRecordNotFound(id));
            if (existing.isErased() || fingerprint == null || !fingerprint.equals(existing.requestFingerprint())) {
                throw new IdempotencyKeyReused();
            }
            audit.record(by, AuditAction.READ, RESOURCE, id, null);
            return new Registration(open(existing), true);
        }
        relay.wakeUp(COLLECTION, id);
        audit.record(by, AuditAction.CREATE, RESOURCE, id, null);
        log.info("Record {} registered as {}", id, draft.kind());
        return new Registration(new ChildRecordDetails(record, draft.sensitive()), false);
    }

    ChildRecordDetails get(String id, Caller by, @Nullable String reason) {
        var record = visible(id, by);
        audit.record(by, AuditAction.READ, RESOURCE, id, reason);
        return open(record);
    }

    Page<ChildRecord> search(SearchCriteria criteria, Pageable page, Caller by, @Nullable String reason) {
        requireReader(by);
        var where = Criteria.where("country").is(country).and("erasedAt").isNull();
        var conditions = new ArrayList<Criteria>();
        if (criteria.name() != null) {
            NameKeys.ofQuery(criteria.name())
                    .forEach(keys -> conditions.add(Criteria.where("searchKeys").in(keys)));
        }
        if (criteria.birthYear() != null) {
            conditions.add(Criteria.where("birthYearFrom").lte(criteria.birthYear()));
            conditions.add(Criteria.where("birthYearTo").gte(criteria.birthYear()));
        }
        if (criteria.status() != null) {
            conditions.add(Criteria.where("status").is(criteria.status()));
        }
        if (criteria.kind() != null) {
            conditions.add(Criteria.where("kind").is(criteria.kind()));
        }
        if (!conditions.isEmpty()) {
            where.andOperator(conditions);
        }
        var query = Query.query(where);
        long total = mongo.count(query, ChildRecord.class);
        query.with(page).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")));
        var found = mongo.find(query, ChildRecord.class);
        found.forEach(record -> audit.record(by, AuditAction.SEARCH, RESOURCE, record.id(), reason));
        return new PageImpl<>(found, page, total);
    }

    ChildRecordDetails update(String id, long expectedRevision, ChildRecordDraft draft, Caller by) {
        return change(id, expectedRevision, by, AuditAction.UPDATE, record -> {
            requireWriter(by);
            if (record.kind() != draft.kind()) {
                throw ProblemException.validation(
                        List.of(new FieldError("kind", "Immutable", "the kind of a record cannot change")));
            }
            record.update(draft.agencyId(), content(id, draft), by, clock);
        });
    }

    ChildRecordDetails changeStatus(
            String id, long expectedRevision, RecordStatus target, @Nullable ClosureReason reason, Caller by) {
        return change(id, expectedRevision, by, AuditAction.STATUS_CHANGE, record -> {
            if (!by.hasAny(Role.CASEWORKER, Role.SUPERVISOR, Role.NCP)) {
                throw new NotPermitted();
            }
            record.changeStatus(target, reason, by, clock);
        });
    }

    void erase(String id, long expectedRevision, Caller by, @Nullable String reason) {
        change(id, expectedRevision, by, AuditAction.ERASE, record -> {
            if (!by.has(Role.SUPERVISOR)) {
                throw new NotPermitted();
            }
            record.erase(by, clock);
        });
        log.info("Record {} erased", id);
    }

    /**
     * Starts the reunification of a record that a confirmed match names: moves it from {@code OPEN} or {@code
     * MATCH_PENDING} to {@code REUNIFICATION_IN_PROGRESS} in one atomic write with its status event staged in the
     * outbox, and audits the change as the reviewer's, with the match id as the reason. Takes no expected revision:
     * the confirmation authorises the move whatever the record's revision, so a concurrent save only causes a retry.
     * Idempotent: a confirmation applied before, a record already in reunification or later, a closed, unknown or
     * erased record change nothing and publish nothing.
     *
     * <p>For the registry's own consumers of match decisions, not for callers of the API: it checks no jurisdiction,
     * because the confirmation, not a token, is the authority.
     *
     * @param id the record id the confirmation names
     * @throws ChildRecordChanged if the record kept changing under every attempt
     */
    public MatchConfirmationOutcome startReunification(String id, MatchConfirmation confirmation) {
        for (int attempt = 1; ; attempt++) {
            var found = records.findById(id).filter(record -> !record.isErased() && country.equals(record.country()));
            if (found.isEmpty()) {
                return MatchConfirmationOutcome.NOT_ON_FILE;
            }
            var record = found.get();
            var outcome = record.startReunification(confirmation, clock);
            if (outcome == MatchConfirmationOutcome.ALREADY_APPLIED && !audited(id, confirmation)) {
                // The move was saved but its audit entry was not (the insert failed after the save): write it now.
                auditConfirmation(id, confirmation);
            }
            if (outcome != MatchConfirmationOutcome.MOVED) {
                return outcome;
            }
            record.stage(contracts::toOutboxEntry);
            try {
                records.save(record);
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == SAVE_ATTEMPTS) {
                    throw new ChildRecordChanged(id);
                }
                continue;
            }
            relay.wakeUp(COLLECTION, id);
            auditConfirmation(id, confirmation);
            return outcome;
        }
    }

    private void auditConfirmation(String id, MatchConfirmation confirmation) {
        audit.record(confirmation.reviewer(), AuditAction.STATUS_CHANGE, RESOURCE, id, auditReason(confirmation));
    }

    private boolean audited(String id, MatchConfirmation confirmation) {
        var reason = auditReason(confirmation);
        return audit
                .find(new AuditQuery(id, confirmation.reviewer().subject(), null, null), Pageable.unpaged())
                .stream()
                .anyMatch(entry -> entry.action() == AuditAction.STATUS_CHANGE && reason.equals(entry.reason()));
    }

    private static String auditReason(MatchConfirmation confirmation) {
        return "confirmed match " + confirmation.matchId() + ", event " + confirmation.eventId();
    }

    /**
     * Loads, checks the caller's revision, changes and saves; retried when only the outbox relay touched the document
     * meanwhile (it bumps the lock version, not the revision the caller saw).
     */
    private ChildRecordDetails change(
            String id, long expectedRevision, Caller by, AuditAction action, Consumer<ChildRecord> mutation) {
        for (int attempt = 1; ; attempt++) {
            var record = visible(id, by);
            if (record.revision() != expectedRevision) {
                throw new ChildRecordChanged(id);
            }
            mutation.accept(record);
            record.stage(contracts::toOutboxEntry);
            try {
                var saved = records.save(record);
                relay.wakeUp(COLLECTION, id);
                audit.record(by, action, RESOURCE, id, null);
                return saved.isErased() ? new ChildRecordDetails(saved, SensitiveDetails.none()) : open(saved);
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == SAVE_ATTEMPTS) {
                    throw new ChildRecordChanged(id);
                }
            }
        }
    }

    private ChildRecord.Content content(String id, ChildRecordDraft draft) {
        var sealed = encryption.encrypt(json.writeValueAsBytes(draft.sensitive()), id);
        var hashes = draft.sensitive().documents().stream()
                .map(document -> documentHashing.hash(document.canonical()))
                .distinct()
                .toList();
        return new ChildRecord.Content(draft.description(), sealed, hashes);
    }

    private ChildRecordDetails open(ChildRecord record) {
        var sealed = record.sealedDetails();
        var sensitive = sealed == null
                ? SensitiveDetails.none()
                : json.readValue(encryption.decrypt(sealed, record.id()), SensitiveDetails.class);
        return new ChildRecordDetails(record, sensitive);
    }

    // 404, not 403: a 403 would confirm that a child with this id is on file here.
    private ChildRecord visible(String id, Caller by) {
        if (!by.belongsTo(country) || !by.hasAny(Role.CASEWORKER, Role.NCP, Role.SUPERVISOR, Role.AUDITOR)) {
            throw new ChildRecordNotFound(id);
        }
        return records.findById(id).filter(record -> !record.isErased()).orElseThrow(() -> new ChildRecordNotFound(id));
    }

    private void requireReader(Caller by) {
        if (!by.belongsTo(country) || !by.hasAny(Role.CASEWORKER, Role.NCP, Role.SUPERVISOR, Role.AUDITOR)) {
            throw new NotPermitted();
        }
    }

    private void requireWriter(Caller by) {
        if (!by.belongsTo(country) || !by.hasAny(Role.CASEWORKER, Role.SUPERVISOR)) {
            throw new NotPermitted();
        }
    }

    /** A fingerprint of a request body, so a reused idempotency key with a different body is recognised. */
    String fingerprint(Object form) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(form)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class NotPermitted extends RuntimeException {
        NotPermitted() {
            super("The caller's role or country does not permit this");
        }
    }

    static final class IdempotencyKeyReused extends RuntimeException {
        IdempotencyKeyReused() {
            super("The idempotency key was used for a different request");
        }
    }
}
