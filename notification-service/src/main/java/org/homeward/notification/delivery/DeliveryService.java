package org.homeward.notification.delivery;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.notification.contactpoint.ContactPoint;
import org.homeward.notification.contactpoint.ContactPointService;
import org.homeward.notification.inbox.InboxDelivery;
import org.homeward.notification.inbox.InboxService;
import org.homeward.notification.notification.NotificationContracts;
import org.homeward.notification.notification.NotificationEvent;
import org.homeward.notification.notification.Priority;
import org.homeward.platform.outbox.OutboxEntry;
import org.homeward.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Schedules and runs deliveries. Scheduling stores one delivery per channel of the recipient under a deterministic
 * id (a second scheduling of the same cause is a no-op), all in one write; those due now are stored already claimed
 * and attempted at once. A failed attempt sets a timer for its retry. A sweep, rarer because it queries the whole
 * queue, claims what nobody started (deliveries waiting for working hours, work of a crashed instance), and a repair
 * pass settles abandoned attempts. Every attempt runs on its own virtual thread, and every later claim names one
 * delivery by id. A delivery that reaches its recipient stages its notification's {@code Dispatched} event in the
 * same write that settles it.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    private static final Duration MAX_RELEASE_DELAY = Duration.ofSeconds(30);

    private final Deliveries deliveries;
    private final ContactPointService contactPoints;
    private final EmailChannel email;
    private final WebhookChannel webhooks;
    private final InboxService inbox;
    private final DeadLetters deadLetters;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;
    private final AlertLinks links;
    private final NotificationContracts contracts;
    private final OutboxRelay relay;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("delivery-", 0).factory());
    // Retry timers live in memory only: after a restart the sweep finds the retries that are due.
    private final ScheduledExecutorService retryTimers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("delivery-retry-timer").daemon().factory());

    DeliveryService(
            Deliveries deliveries,
            ContactPointService contactPoints,
            EmailChannel email,
            WebhookChannel webhooks,
            InboxService inbox,
            DeadLetters deadLetters,
            DeliveryMetrics metrics,
            DeliveryProperties properties,
            AlertLinks links,
            NotificationContracts contracts,
            OutboxRelay relay,
            Clock clock) {
        this.deliveries = deliveries;
        this.contactPoints = contactPoints;
        this.email = email;
        this.webhooks = webhooks;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
        this.backoff = new RetryBackoff(properties.initialBackoff(), properties.maxBackoff());
        this.links = links;
        this.contracts = contracts;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Stores a delivery for each channel of each request's recipient, unless already stored, all in one write, and
     * starts those that are due. Normal-priority deliveries wait for the recipient's working hours; urgent ones go at
     * once.
     *
     * @return how many deliveries were new
     */
    public int schedule(List<DeliveryRequest> requests) {
        var now = clock.instant();
        var claimToken = UUID.randomUUID().toString();
        var scheduled = new ArrayList<Delivery>();
        var due = new HashSet<String>();
        for (var request : requests) {
            var recipient = contactPoints.find(request.contactPointId());
            if (recipient.isEmpty()) {
                log.warn(
                        "Contact point {} is gone; nothing delivered for {}",
                        request.contactPointId(),
                        request.notificationId());
                continue;
            }
            var hours = recipient.get().workingHours();
            var notBefore =
                    request.priority() == Priority.NORMAL && hours != null ? hours.nextWorkingInstant(now) : now;
            for (var channel : recipient.get().channels()) {
                if (notBefore.isAfter(now)) {
                    scheduled.add(Delivery.schedule(request, channel, notBefore, now));
                } else {
                    var delivery = Delivery.claimedAtOnce(request, channel, now, claimToken);
                    scheduled.add(delivery);
                    due.add(delivery.id());
                }
            }
        }
        // Running before they exist: recovery must never take an attempt this instance is about to make. An id that
        // is running already belongs to a live attempt of an earlier scheduling, and stays marked.
        var marked = new HashSet<String>();
        due.forEach(id -> {
            if (running.add(id)) {
                marked.add(id);
            }
        });
        List<Delivery> stored;
        try {
            stored = deliveries.insertNew(scheduled);
        } catch (RuntimeException notStored) {
            // The insert may have stored some of them before it failed, claimed by this call: nobody would attempt
            // those (a redelivered event finds them stored). Released, the sweep takes them like any pending delivery.
            try {
                deliveries.releaseClaims(due, claimToken, now);
                running.removeAll(marked);
            } catch (RuntimeException stillFailing) {
                notStored.addSuppressed(stillFailing);
                releaseLater(due, marked, claimToken, 1);
            }
            throw notStored;
        }
        for (var delivery : stored) {
            marked.remove(delivery.id());
            if (due.contains(delivery.id())) {
                submit(() -> attempt(delivery));
            }
        }
        // Scheduled before (a redelivered event): whoever stored those owns them.
        running.removeAll(marked);
        return stored.size();
    }

    /** Starts what nobody started: alerts that waited for working hours, work of an instance that died. */
    @Scheduled(
            fixedDelayString = "${homeward.notification.delivery.poll-interval:30s}",
            initialDelayString = "${homeward.notification.delivery.poll-interval:30s}")
    public void poll() {
        runDue();
    }

    /** The repair pass: settles abandoned attempts, samples the queue depth. */
    @Scheduled(
            fixedDelayString = "${homeward.notification.delivery.recovery-interval:30s}",
            initialDelayString = "${homeward.notification.delivery.recovery-interval:30s}")
    public void repair() {
        recoverAbandoned();
    }

    /** Settles attempts whose worker died (see {@link Deliveries#recoverAbandoned}). */
    public void recoverAbandoned() {
        var recovery = deliveries.recoverAbandoned(
                clock.instant(), properties.smtpTimeout(), properties.webhookLease(), Set.copyOf(running));
        for (var cutOff : recovery.unconfirmed()) {
            metrics.failed(Channel.EMAIL, "unconfirmed");
            log.warn("Delivery {} was cut off mid-attempt; marked unconfirmed, not sent again", cutOff);
        }
        metrics.waiting(recovery.waiting());
    }

    /**
     * Claims and starts the deliveries overdue by more than the sweep's grace (at most a batch). The grace leaves
     * deliveries just scheduled or just due to the start or timer that is about to claim them.
     */
    public void runDue() {
        var now = clock.instant();
        for (var id : deliveries.due(now.minus(properties.sweepGrace()), properties.batchSize())) {
            // Recovery runs on this same thread, so the delivery is marked running before it can look.
            running.add(id);
            var claimed = deliveries.claim(id, now);
            if (claimed.isPresent()) {
                submit(() -> attempt(claimed.get()));
            } else {
                running.remove(id);
            }
        }
    }

    private void start(String id) {
        submit(() -> {
            // Marked running before the claim, so recovery on the poll thread never takes a live attempt.
            running.add(id);
            var claimed = deliveries.claim(id, clock.instant());
            if (claimed.isPresent()) {
                attempt(claimed.get());
            } else {
                running.remove(id);
            }
        });
    }

    /**
     * Tries the release of a failed insert's claims again, backing off up to {@link #MAX_RELEASE_DELAY}, until the
     * store takes it. Meanwhile they stay marked running, so recovery does not settle a never-sent e-mail as
     * unconfirmed. Only if this instance stops first does recovery, elsewhere, find them.
     */
    private void releaseLater(Set<String> claimed, Set<String> marked, String claimToken, int failures) {
        var delay = Duration.ofSeconds(Math.min(1L << Math.min(failures - 1, 5), MAX_RELEASE_DELAY.toSeconds()));
        if (failures == 1) {
            log.warn("Could not release {} claims after a failed insert; retrying", claimed.size());
        }
        try {
            retryTimers.schedule(
                    () -> {
                        try {
                            deliveries.releaseClaims(claimed, claimToken, clock.instant());
                            running.removeAll(marked);
                            log.info("Released {} claims after {} failed tries", claimed.size(), failures);
                        } catch (RuntimeException stillFailing) {
                            releaseLater(claimed, marked, claimToken, failures + 1);
                        }
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // Left claimed: after the SMTP timeout the next instance's recovery settles them.
        }
    }

    private void retryLater(String id, Duration delay) {
        try {
            retryTimers.schedule(() -> start(id), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // Left PENDING: the next instance's sweep takes it.
        }
    }

    private void submit(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            // Left PENDING (or SENDING, settled by recovery): the next instance's poll takes it.
        }
    }

    private void attempt(Delivery delivery) {
        metrics.started();
        try {
            settle(delivery, run(delivery));
        } catch (RuntimeException unexpected) {
            log.error("Delivery {} attempt {} failed unexpectedly", delivery.id(), delivery.attempts(), unexpected);
            settle(
                    delivery,
                    new AttemptOutcome.Retry(
                            "unexpected " + unexpected.getClass().getSimpleName()));
        } finally {
            running.remove(delivery.id());
            metrics.ended();
        }
    }

    private AttemptOutcome run(Delivery delivery) {
        var found = contactPoints.find(delivery.contactPointId());
        if (found.isEmpty()) {
            return new AttemptOutcome.Refused("contact point was deleted");
        }
        ContactPoint recipient = found.get();
        return switch (delivery.channel()) {
            case EMAIL -> {
                var from = delivery.escalatedFrom() == null
                        ? null
                        : contactPoints.find(delivery.escalatedFrom()).orElse(null);
                yield email.send(delivery, recipient, from);
            }
            case WEBHOOK -> webhooks.send(delivery, recipient);
            case IN_APP -> {
                inbox.deliver(new InboxDelivery(
                        delivery.id(),
                        delivery.notificationId(),
                        recipient.id(),
                        recipient.country(),
                        recipient.inboxSubjects(),
                        delivery.priority(),
                        delivery.subject(),
                        delivery.matchId(),
                        delivery.records(),
                        links.forMatch(delivery.matchId()),
                        delivery.level()));
                yield new AttemptOutcome.Delivered();
            }
        };
    }

    private void settle(Delivery delivery, AttemptOutcome outcome) {
        var now = clock.instant();
        var channel = delivery.channel();
        switch (outcome) {
            case AttemptOutcome.Delivered delivered -> {
                deliveries.markSent(delivery.id(), now, dispatched(delivery, now));
                relay.wakeUp(Deliveries.COLLECTION, delivery.id());
                metrics.delivered(channel, Duration.between(delivery.causeOccurredAt(), now));
            }
            case AttemptOutcome.Retry retry -> {
                if (delivery.attempts() >= properties.maxAttempts()) {
                    dead(delivery, retry.reason(), now);
                } else {
                    var delay = backoff.delay(delivery.attempts(), ThreadLocalRandom.current());
                    deliveries.retryAt(delivery.id(), now.plus(delay), retry.reason());
                    retryLater(delivery.id(), delay);
                    metrics.retried(channel);
                    metrics.failed(channel, "retry");
                    log.info(
                            "Delivery {} attempt {} failed ({}); will retry",
                            delivery.id(),
                            delivery.attempts(),
                            retry.reason());
                }
            }
            case AttemptOutcome.Refused refused -> dead(delivery, refused.reason(), now);
            case AttemptOutcome.Unconfirmed unconfirmed -> {
                deliveries.markUnconfirmed(delivery.id(), now, unconfirmed.reason());
                metrics.failed(channel, "unconfirmed");
                log.warn("Delivery {} unconfirmed ({}); not sent again", delivery.id(), unconfirmed.reason());
            }
        }
    }

    private void dead(Delivery delivery, String reason, Instant now) {
        deliveries.markDead(delivery.id(), now, reason);
        metrics.failed(delivery.channel(), "dead");
        log.warn("Delivery {} dead after {} attempts ({})", delivery.id(), delivery.attempts(), reason);
        deadLetters.publish(delivery, reason);
    }

    private OutboxEntry dispatched(Delivery delivery, Instant now) {
        var records = delivery.records();
        var event = new NotificationEvent.Dispatched(
                delivery.notificationId(),
                now,
                // Deliveries stored before they named these: their cause key is the event id at level 0.
                Objects.requireNonNullElse(delivery.causeEventId(), delivery.causeKey()),
                delivery.matchId(),
                records.isEmpty() ? null : records.getFirst().recordId(),
                delivery.contactPointId(),
                delivery.channel(),
                delivery.priority());
        var sequence = Objects.requireNonNullElse(delivery.dispatchSequence(), 0L);
        var country = delivery.notificationCountry() != null
                ? delivery.notificationCountry()
                : contactPoints
                        .find(delivery.contactPointId())
                        .map(ContactPoint::country)
                        .orElse("");
        return contracts.encode(event, sequence, country);
    }

    @PreDestroy
    void stop() {
        retryTimers.shutdownNow();
        workers.shutdownNow();
    }
}
