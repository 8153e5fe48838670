package org.homeward.notification.contactpoint;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.platform.audit.AuditAction;
import org.homeward.platform.audit.AuditTrail;
import org.homeward.platform.problem.FieldError;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The contact directory's use cases. Only the supervisor or the NCP of a country manage its contact points; another
 * country's contact points answer as not found. Intake and delivery read the directory through {@link #find},
 * {@link #nationalContactPoints} and {@link #agency}. Every change is written to the audit trail: the directory holds
 * staff addresses.
 */
@Service
public class ContactPointService {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final String RESOURCE = "contactPoint";

    private final ContactPoints contactPoints;
    private final ContactPointRules rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration cacheTtl;
    private volatile @Nullable Snapshot snapshot;

    ContactPointService(ContactPoints contactPoints, WebhookPolicy policy, AuditTrail audit, Clock clock) {
        this.contactPoints = contactPoints;
        this.rules = new ContactPointRules(policy.allowInsecureWebhooks());
        this.cacheTtl = policy.directoryCacheTtl();
        this.audit = audit;
        this.clock = clock;
    }

    /** A contact point with its newly generated webhook secret, if this change generated one. */
    record Saved(ContactPoint contactPoint, @Nullable String newSecret) {}

    Saved create(ContactPointForm form, Caller caller) {
        requireRole(caller);
        var id = UUID.randomUUID().toString();
        validate(form, id);
        if (!caller.belongsTo(form.country())) {
            throw new NotPermitted();
        }
        var secret = form.webhook() == null ? null : newSecret();
        var now = clock.instant();
        var point = toContactPoint(form, id, null, secret, now, now);
        var saved = contactPoints.insert(point);
        invalidate();
        audit.record(caller, AuditAction.CREATE, RESOURCE, id);
        return new Saved(saved, secret);
    }

    ContactPoint get(String id, Caller caller) {
        requireRole(caller);
        return visible(id, caller);
    }

    List<ContactPoint> list(Caller caller) {
        requireRole(caller);
        return contactPoints.findByCountryOrderByNameAsc(caller.country());
    }

    Saved update(String id, long expectedVersion, ContactPointForm form, Caller caller) {
        requireRole(caller);
        var current = visible(id, caller);
        if (!form.country().equals(current.country())) {
            throw ProblemException.validation(
                    new FieldError("country", "Immutable", "cannot change; create a new contact point instead"));
        }
        if (current.version() == null || current.version() != expectedVersion) {
            throw new ContactPointChanged();
        }
        validate(form, id);
        var currentWebhook = current.webhook();
        String newSecret = null;
        String secret = null;
        if (form.webhook() != null) {
            if (currentWebhook == null) {
                newSecret = newSecret();
                secret = newSecret;
            } else {
                secret = currentWebhook.secret();
            }
        }
        var updated = toContactPoint(form, id, current.version(), secret, current.createdAt(), clock.instant());
        ContactPoint saved;
        try {
            saved = contactPoints.save(updated);
            invalidate();
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ContactPointChanged();
        }
        audit.record(caller, AuditAction.UPDATE, RESOURCE, id);
        return new Saved(saved, newSecret);
    }

    void delete(String id, Caller caller) {
        requireRole(caller);
        var current = visible(id, caller);
        if (contactPoints.existsByEscalationContactPointId(current.id())) {
            throw new StillReferenced();
        }
        contactPoints.delete(current);
        invalidate();
        audit.record(caller, AuditAction.ERASE, RESOURCE, id);
    }

    /** The contact point with this id, for intake and delivery (no caller: the service acts for itself). */
    public Optional<ContactPoint> find(String id) {
        return Optional.ofNullable(directory().get(id));
    }

    /** The national contact points of these countries, each once. */
    public List<ContactPoint> nationalContactPoints(Collection<String> countries) {
        return directory().values().stream()
                .filter(point -> point.kind() == ContactPointKind.NCP && countries.contains(point.country()))
                .toList();
    }

    /** The contact points of the agency that owns records in this country. */
    public List<ContactPoint> agency(String country, String agencyId) {
        return directory().values().stream()
                .filter(point -> point.kind() == ContactPointKind.AGENCY
                        && point.country().equals(country)
                        && agencyId.equals(point.agencyId()))
                .toList();
    }

    /**
     * The whole directory, read at most once per {@code directory-cache-ttl}: it is small and changes rarely, and
     * every alert and delivery consults it. Changes made through this instance are visible at once; changes made
     * through another instance after the time to live.
     */
    private Map<String, ContactPoint> directory() {
        var current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() >= cacheTtl.toNanos()) {
            var byId = new LinkedHashMap<String, ContactPoint>();
            contactPoints.findAll().forEach(point -> byId.put(point.id(), point));
            current = new Snapshot(System.nanoTime(), Map.copyOf(byId));
            snapshot = current;
        }
        return current.byId();
    }

    private void invalidate() {
        snapshot = null;
    }

    private record Snapshot(long loadedAt, Map<String, ContactPoint> byId) {}

    private void validate(ContactPointForm form, String id) {
        var errors = new ArrayList<>(rules.check(form));
        var escalation = form.escalation();
        if (escalation != null) {
            var target = contactPoints.findById(escalation.contactPointId());
            if (escalation.contactPointId().equals(id)) {
                errors.add(new FieldError("escalation.contactPointId", "NotSelf", "must name another contact point"));
            } else if (target.isEmpty() || !target.get().country().equals(form.country())) {
                errors.add(new FieldError(
                        "escalation.contactPointId",
                        "Exists",
                        "must name an existing contact point of the same country"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private ContactPoint visible(String id, Caller caller) {
        // 404 not 403: another country's directory is none of the caller's business.
        return contactPoints
                .findById(id)
                .filter(point -> caller.belongsTo(point.country()))
                .orElseThrow(ContactPointNotFound::new);
    }

    private static void requireRole(Caller caller) {
        if (!caller.hasAny(Role.SUPERVISOR, Role.NCP)) {
            throw new NotPermitted();
        }
    }

    private static ContactPoint toContactPoint(
            ContactPointForm form,
            String id,
            @Nullable Long version,
            @Nullable String secret,
            java.time.Instant createdAt,
            java.time.Instant updatedAt) {
        var hours = form.workingHours();
        var escalation = form.escalation();
        return new ContactPoint(
                id,
                version,
                form.country(),
                form.kind(),
                form.agencyId(),
                form.name(),
                form.language(),
                form.emailList(),
                form.webhook() == null || secret == null
                        ? null
                        : new Webhook(form.webhook().url(), secret),
                form.inboxSubjectList(),
                hours == null ? null : new WorkingHours(hours.timeZone(), hours.days(), hours.from(), hours.to()),
                escalation == null ? null : new Escalation(escalation.contactPointId(), escalation.after()),
                createdAt,
                updatedAt);
    }

    private static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The caller's role or country does not allow managing this directory. */
    static final class NotPermitted extends RuntimeException {
        NotPermitted() {
            super("Only the supervisor or the NCP of the country may manage its contact points");
        }
    }

    /** The contact point changed since the caller read it. */
    static final class ContactPointChanged extends RuntimeException {
        ContactPointChanged() {
            super("The contact point changed since it was read");
        }
    }

    /** Another contact point escalates to this one. */
    static final class StillReferenced extends RuntimeException {
        StillReferenced() {
            super("Another contact point escalates to this one");
        }
    }
}
