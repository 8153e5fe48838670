package org.homeward.matching.proposals;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.homeward.matching.engine.CandidateIndex;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.Decision;
import org.homeward.matching.engine.MatchModel;
import org.homeward.matching.engine.Matcher;
import org.homeward.matching.engine.ScoredPair;
import org.homeward.matching.intake.CandidateProfile;
import org.homeward.matching.intake.CandidateProfileService;
import org.homeward.matching.intake.ProfileChanged;
import org.homeward.platform.audit.AuditAction;
import org.homeward.platform.audit.AuditTrail;
import org.homeward.platform.outbox.OutboxRelay;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * The use cases of match proposals: keeping them in step with the records (propose, re-score, retract) and the
 * review by national contact points (list, read, confirm, reject). Every read of proposal data passes through here,
 * where visibility is checked and the audit entry written before anything is returned.
 */
@Service
public class MatchProposalService {

    private static final Logger log = LoggerFactory.getLogger(MatchProposalService.class);
    private static final String RESOURCE = "matchProposal";
    private static final String PROFILE_RESOURCE = "tracingProfile";
    private static final int WRITE_ATTEMPTS = 8;

    private final MatchProposals proposals;
    private final MongoTemplate mongo;
    private final MatchProposalContracts contracts;
    private final Matcher matcher;
    private final CandidateIndex index;
    private final MatchModel model;
    private final CandidateProfileService profiles;
    private final AuditTrail audit;
    private final OutboxRelay relay;
    private final ProposalProperties properties;
    private final Clock clock;
    private final Timer latency;

    MatchProposalService(
            MatchProposals proposals,
            MongoTemplate mongo,
            MatchProposalContracts contracts,
            Matcher matcher,
            CandidateIndex index,
            MatchModel model,
            CandidateProfileService profiles,
            AuditTrail audit,
            OutboxRelay relay,
            ProposalProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.proposals = proposals;
        this.mongo = mongo;
        this.contracts = contracts;
        this.matcher = matcher;
        this.index = index;
        this.model = model;
        this.profiles = profiles;
        this.audit = audit;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
        this.latency = Timer.builder("homeward.matching.proposal.latency")
                .description("From a record event's Kafka timestamp to its proposals stored in the outbox (the relay's"
                        + " hop to Kafka is homeward.outbox.publish.latency)")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    // ---- keeping proposals in step with the records ----

    /** Runs on the intake thread, before the record event's offset is committed. */
    @EventListener
    void on(ProfileChanged change) {
        var changed = switch (change.outcome()) {
            case CANDIDATE -> reconcile(change);
            case CLOSED ->
                change.firstSeen()
                        ? 0
                        : retractAll(change.recordId(), MatchProposalEvent.RetractionCause.RECORD_CLOSED);
            case ERASED ->
                change.firstSeen()
                        ? 0
                        : retractAll(change.recordId(), MatchProposalEvent.RetractionCause.RECORD_ERASED);
        };
        if (changed > 0) {
            latency.record(Duration.between(change.publishedAt(), clock.instant()));
            log.debug("Record {}: {} proposals changed", change.recordId(), changed);
        }
    }

    /** Proposes, re-scores or retracts every pair of a new or changed record; returns how many changed. */
    private int reconcile(ProfileChanged change) {
        var profile = java.util.Objects.requireNonNull(change.profile(), "profile");
        var scored = new LinkedHashMap<String, Pair>();
        for (ScoredPair found : matcher.matchAgainstIndex(profile)) {
            index.get(found.rightId())
                    .filter(other -> proposable(profile, other))
                    .flatMap(other -> pair(profile, other, found))
                    .ifPresent(pair -> scored.put(
                            MatchProposal.idOf(profile.id(), pair.other().id()), pair));
        }
        var changed = 0;
        // A record seen for the first time has no proposals yet: skip the query (one per event otherwise).
        var existingProposals = change.firstSeen() ? List.<MatchProposal>of() : involving(profile.id());
        for (MatchProposal existing : existingProposals) {
            if (scored.containsKey(existing.id()) || existing.status() != MatchProposal.Status.PROPOSED) {
                continue;
            }
            // Blocking no longer brings the pair together, or its score fell: score it directly to know which.
            var other = index.get(existing.other(profile.id()).recordId());
            if (other.isEmpty()) {
                continue; // closed or erased: its own event retracts the pair
            }
            var pair = pair(profile, other.get(), null);
            if (pair.isPresent()) {
                scored.put(existing.id(), pair.get());
            } else if (write(
                    existing.id(),
                    null,
                    proposal -> proposal.retract(MatchProposalEvent.RetractionCause.SCORE_BELOW_THRESHOLD, clock))) {
                changed++;
            }
        }
        for (var entry : scored.entrySet()) {
            var pair = entry.getValue();
            var created = (Supplier<MatchProposal>) () ->
                    MatchProposal.propose(RecordRef.of(pair.left()), RecordRef.of(pair.right()), pair.score(), clock);
            if (write(
                    entry.getKey(),
                    created,
                    proposal -> proposal.rescore(pair.score(), properties.reproposalMargin(), clock))) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Whether a pair goes to review. Two records of the same kind in the same country's registry (twins registered
     * together, or a child registered twice) are that registry's own concern: the central service links records
     * across borders and missing reports with registrations.
     */
    static boolean proposable(ChildProfile one, ChildProfile other) {
        return !(one.country().equals(other.country()) && one.kind() == other.kind());
    }

    /**
     * The pair scored with the smaller record id on the left, so its score and evidence do not depend on which record
     * changed last; empty below the review threshold.
     */
    private Optional<Pair> pair(ChildProfile profile, ChildProfile other, @Nullable ScoredPair found) {
        var profileIsLeft = profile.id().compareTo(other.id()) < 0;
        var left = profileIsLeft ? profile : other;
        var right = profileIsLeft ? other : profile;
        var scored = found != null && profileIsLeft ? found : matcher.compare(left, right);
        if (scored.decision() == Decision.NO_MATCH) {
            return Optional.empty();
        }
        var score = new MatchScore(
                scored.score(),
                scored.decision(),
                scored.evidence().stream().map(Evidence::of).toList(),
                model.version());
        return Optional.of(new Pair(left, right, other, score));
    }

    private record Pair(ChildProfile left, ChildProfile right, ChildProfile other, MatchScore score) {}

    private int retractAll(String recordId, MatchProposalEvent.RetractionCause cause) {
        var changed = 0;
        for (MatchProposal existing : involving(recordId)) {
            var erased = cause == MatchProposalEvent.RetractionCause.RECORD_ERASED;
            if (write(
                    existing.id(),
                    null,
                    proposal -> proposal.retract(cause, clock) | (erased && proposal.forgetEvidence()))) {
                changed++;
            }
        }
        return changed;
    }

    private List<MatchProposal> involving(String recordId) {
        return mongo.find(query(where("recordIds").is(recordId)), MatchProposal.class);
    }

    /**
     * Creates or changes one proposal and stages its events, in one document write. Retried on a concurrent write
     * (another record of the pair, or the outbox relay bumping the version). Returns whether anything was written.
     */
    private boolean write(String id, @Nullable Supplier<MatchProposal> create, Predicate<MatchProposal> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                var existing = proposals.findById(id);
                if (existing.isEmpty()) {
                    if (create == null) {
                        return false;
                    }
                    var created = create.get();
                    created.stage(contracts::toOutboxEntry);
                    proposals.insert(created);
                    relay.wakeUp(MatchProposal.COLLECTION, id);
                    log.info("Match {} proposed", id);
                    return true;
                }
                var proposal = existing.get();
                if (!change.test(proposal)) {
                    return false;
                }
                proposal.stage(contracts::toOutboxEntry);
                proposals.save(proposal);
                relay.wakeUp(MatchProposal.COLLECTION, id);
                log.info("Match {} now {} at revision {}", id, proposal.status(), proposal.revision());
                return true;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                if (attempt >= WRITE_ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    // ---- review ----

    /** What a reviewer may filter the list by; null means any. */
    record Filter(
            MatchProposal.@Nullable Status status,
            @Nullable Double minScore,
            @Nullable String country) {}

    /** A proposal with both tracing profiles, as a reviewer reads it; a profile is absent once erased. */
    record Details(
            MatchProposal proposal,
            @Nullable CandidateProfile leftProfile,
            @Nullable CandidateProfile rightProfile) {}

    /** Proposals visible to the caller's country, most recently changed first. Shows no personal data. */
    Page<MatchProposal> list(Filter filter, Pageable page, Caller by) {
        requireReviewer(by);
        var conditions = new ArrayList<Criteria>();
        conditions.add(where("countries").is(by.country()));
        if (filter.country() != null) {
            conditions.add(where("countries").is(filter.country()));
        }
        if (filter.status() != null) {
            conditions.add(where("status").is(filter.status()));
        }
        if (filter.minScore() != null) {
            conditions.add(where("score").gte(filter.minScore()));
        }
        var where = new Criteria().andOperator(conditions);
        long total = mongo.count(query(where), MatchProposal.class);
        var found = mongo.find(
                query(where)
                        .with(page)
                        .with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id"))),
                MatchProposal.class);
        return new PageImpl<>(found, page, total);
    }

    /** One proposal with both profiles and the evidence; the reads are audited before anything is returned. */
    Details get(String id, Caller by, @Nullable String reason) {
        requireReviewer(by);
        var proposal = visible(id, by);
        audit.record(by, AuditAction.READ, RESOURCE, id, reason);
        var left = readProfile(proposal.left(), by, reason);
        var right = readProfile(proposal.right(), by, reason);
        return new Details(proposal, left, right);
    }

    private @Nullable CandidateProfile readProfile(RecordRef ref, Caller by, @Nullable String reason) {
        var profile = profiles.find(ref.recordId())
                .filter(found -> found.description() != null && found.erasedAt() == null)
                .orElse(null);
        if (profile != null) {
            audit.record(by, AuditAction.READ, PROFILE_RESOURCE, ref.recordId(), reason);
        }
        return profile;
    }

    MatchProposal confirm(String id, long expectedRevision, String reason, Caller by) {
        return decide(id, expectedRevision, by, proposal -> proposal.confirm(by, reason, clock));
    }

    MatchProposal reject(String id, long expectedRevision, String reason, Caller by) {
        return decide(id, expectedRevision, by, proposal -> proposal.reject(by, reason, clock));
    }

    private MatchProposal decide(
            String id, long expectedRevision, Caller by, java.util.function.Consumer<MatchProposal> decision) {
        for (int attempt = 1; ; attempt++) {
            var proposal = visible(id, by);
            if (!by.has(Role.NCP)) {
                throw new NotPermitted();
            }
            if (proposal.revision() != expectedRevision) {
                throw new MatchProposalChanged(id);
            }
            decision.accept(proposal);
            proposal.stage(contracts::toOutboxEntry);
            try {
                var saved = proposals.save(proposal);
                relay.wakeUp(MatchProposal.COLLECTION, id);
                audit.record(by, AuditAction.STATUS_CHANGE, RESOURCE, id, null);
                log.info("Match {} {} by a reviewer of {}", id, saved.status(), by.country());
                return saved;
            } catch (OptimisticLockingFailureException concurrent) {
                // Usually the relay draining the outbox; a real change shows as a new revision on the next attempt.
                if (attempt >= WRITE_ATTEMPTS) {
                    throw new MatchProposalChanged(id);
                }
            }
        }
    }

    private MatchProposal visible(String id, Caller by) {
        // 404, not 403, for other countries: a 403 would confirm that the pair exists.
        return proposals
                .findById(id)
                .filter(found -> found.involves(by.country()))
                .orElseThrow(() -> new MatchProposalNotFound(id));
    }

    private static void requireReviewer(Caller by) {
        if (!by.hasAny(Role.NCP, Role.SUPERVISOR)) {
            throw new NotPermitted();
        }
    }

    /** The caller's role does not permit this. */
    static final class NotPermitted extends RuntimeException {
        NotPermitted() {
            super("The caller's role does not permit this");
        }
    }
}
