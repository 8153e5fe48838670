package org.homeward.platform.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the pending {@link OutboxEntry outbox entries} of the configured collections to Kafka and removes them.
 *
 * <p>Each pass finds documents whose {@code outbox} array is not empty, sends each document's entries in {@code
 * sequence} order (with the idempotent producer, {@code acks=all}), waits for the broker's acks and then removes the
 * acknowledged entries with one update: {@code $pull} by event id <em>and</em> {@code $inc} of {@code version}, so a
 * save that loaded the document before the pull fails its optimistic lock instead of writing the sent entries back.
 * Only the acknowledged prefix of a document's entries is removed, so order survives a partial failure.
 *
 * <p>Delivery is at least once: a crash between the ack and the pull sends those entries again on restart, and
 * consumers drop duplicates by {@code eventId}. On a failure the entries stay, the relay backs off (doubling up to
 * {@code maxBackoff}) and retries; only event ids are logged.
 *
 * <p>Finding pending entries by query scans the collection where the store has no usable index (the embedded
 * MongoDB wire server ignores non-unique indexes), so services name the document they just saved with {@link
 * #wakeUp(String, Object)}: the relay drains it at once by id, and sweeps whole collections only every {@code
 * pollInterval} (and at start, and when {@link #wakeUp()} asks) for what nobody named — a crash, another writer. Metrics: {@code homeward.outbox.published}, {@code
 * homeward.outbox.failures}, {@code homeward.outbox.pending} and {@code homeward.outbox.publish.latency} (from
 * {@code occurredAt} to the ack).
 */
public class OutboxRelay implements SmartLifecycle {

    static final String OUTBOX = "outbox";
    static final String VERSION = "version";
    static final String EVENT_ID_HEADER = "eventId";
    static final String CONTRACT_SCHEMA_HEADER = "contractSchema";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoOperations mongo;
    private final KafkaOperations<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter failures;
    private final Timer latency;
    private final AtomicLong pending = new AtomicLong();
    private final Set<Object> malformedDocuments = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Object>> named = new ConcurrentHashMap<>();

    private final Object monitor = new Object();
    private volatile boolean running;
    private boolean wakeUpRequested;
    private boolean sweepRequested = true;
    private long lastSweep = System.nanoTime();
    private @Nullable Thread worker;
    private int consecutiveFailures;

    public OutboxRelay(
            MongoOperations mongo,
            KafkaOperations<String, byte[]> kafka,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.failures = Counter.builder("homeward.outbox.failures")
                .description("Outbox passes or publishes that failed and will be retried")
                .register(meters);
        this.latency = Timer.builder("homeward.outbox.publish.latency")
                .description("Time from an event's occurredAt to the broker's ack")
                .publishPercentileHistogram()
                .register(meters);
        meters.gauge("homeward.outbox.pending", pending);
    }

    /** Asks for a sweep of every collection now; safe from any thread, never blocks. Prefer naming the document. */
    public void wakeUp() {
        synchronized (monitor) {
            sweepRequested = true;
            wakeUpRequested = true;
            monitor.notifyAll();
        }
    }

    /** Asks for the pending entries of one just-saved document to be published now; cheap, never blocks. */
    public void wakeUp(String collection, Object documentId) {
        named.computeIfAbsent(collection, name -> ConcurrentHashMap.newKeySet()).add(documentId);
        synchronized (monitor) {
            wakeUpRequested = true;
            monitor.notifyAll();
        }
    }

    @Override
    public void start() {
        synchronized (monitor) {
            if (running) {
                return;
            }
            running = true;
            sweepRequested = true;
            consecutiveFailures = 0;
            var thread = new Thread(this::run, "outbox-relay");
            thread.setDaemon(true);
            worker = thread;
            thread.start();
        }
        log.info("Outbox relay started for {}", properties.collections());
    }

    /** Stops after the current document; entries not yet removed are sent again by the next start. */
    @Override
    public void stop() {
        Thread stopping;
        synchronized (monitor) {
            if (!running) {
                return;
            }
            running = false;
            monitor.notifyAll();
            stopping = worker;
            worker = null;
        }
        if (stopping != null) {
            try {
                stopping.join(properties.sendTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (stopping.isAlive()) {
                stopping.interrupt();
            }
        }
        log.info("Outbox relay stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    private void run() {
        while (running) {
            boolean more;
            try {
                more = drainOnce();
            } catch (RuntimeException failure) {
                // MongoDB unreachable, for instance; the thread must survive it.
                failures.increment();
                log.warn("Outbox pass failed: {}", failure.toString());
                more = false;
                consecutiveFailures++;
            }
            if (!running) {
                return;
            }
            if (consecutiveFailures > 0) {
                pause(backoff(), false);
            } else if (!more) {
                pause(untilNextSweep(), true);
            }
        }
    }

    /**
     * One pass over every collection.
     *
     * @return whether a collection had more documents than one batch, so another pass should follow at once
     */
    boolean drainOnce() {
        var sweep = sweepDue();
        var more = false;
        var stillPending = 0L;
        var failed = false;
        for (var collection : properties.collections()) {
            var ids = takeNamed(collection);
            Outcome outcome;
            if (sweep) {
                outcome = drain(collection, new Document(OUTBOX + ".0", new Document("$exists", true)));
            } else if (!ids.isEmpty()) {
                // By id alone: the wire server answers an _id lookup from its index, but scans the whole
                // collection as soon as the query names another field too. Empty outboxes are skipped below.
                outcome = drain(collection, new Document("_id", new Document("$in", ids)));
            } else {
                continue;
            }
            more |= outcome.full();
            stillPending += outcome.stillPending();
            failed |= outcome.failed();
        }
        if (sweep) {
            pending.set(stillPending);
        }
        consecutiveFailures = failed ? consecutiveFailures + 1 : 0;
        return more && !failed;
    }

    private record Outcome(boolean full, long stillPending, boolean failed) {}

    private record InFlight(Object documentId, List<Entry> entries) {}

    private record Entry(
            String eventId, long sequence, Instant occurredAt, CompletableFuture<SendResult<String, byte[]>> ack) {}

    private boolean sweepDue() {
        synchronized (monitor) {
            var due = sweepRequested
                    || System.nanoTime() - lastSweep
                            >= properties.pollInterval().toNanos();
            if (due) {
                sweepRequested = false;
                lastSweep = System.nanoTime();
            }
            return due;
        }
    }

    private Duration untilNextSweep() {
        synchronized (monitor) {
            var remaining = sweepRequested ? 0 : properties.pollInterval().toNanos() - (System.nanoTime() - lastSweep);
            return Duration.ofNanos(Math.max(remaining, 0));
        }
    }

    private List<Object> takeNamed(String collection) {
        var ids = named.get(collection);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        var taken = new ArrayList<Object>();
        for (var id : ids) {
            if (ids.remove(id)) {
                taken.add(id);
            }
        }
        return taken;
    }

    private Outcome drain(String collectionName, Document scope) {
        var collection = mongo.getCollection(collectionName);
        var documents = collection
                .find(scope)
                .projection(new Document(OUTBOX, 1))
                .limit(properties.batchSize())
                .into(new ArrayList<>());
        var full = documents.size() >= properties.batchSize();
        documents.removeIf(document ->
                document.get(OUTBOX) instanceof List<?> outbox && outbox.isEmpty() || document.get(OUTBOX) == null);
        if (documents.isEmpty()) {
            return new Outcome(false, 0, false);
        }
        var inFlight = new ArrayList<InFlight>();
        var brokerUnavailable = false;
        for (var document : documents) {
            List<Document> stored;
            try {
                stored = sorted(document.getList(OUTBOX, Document.class));
            } catch (RuntimeException malformed) {
                // Written by something other than OutboxEntry; it must not hold up every other document.
                if (malformedDocuments.add(document.get("_id"))) {
                    failures.increment();
                    log.error(
                            "Outbox of {} {} is malformed, skipping it: {}",
                            collectionName,
                            document.get("_id"),
                            malformed.toString());
                }
                continue;
            }
            var entries = new ArrayList<Entry>();
            for (var pendingEntry : stored) {
                var entry = send(pendingEntry);
                entries.add(entry);
                if (entry.ack().isCompletedExceptionally()) {
                    // The producer could not even take the record (no metadata within sendTimeout): the broker
                    // is out of reach, and the remaining documents would only wait as long again.
                    brokerUnavailable = true;
                    break;
                }
            }
            inFlight.add(new InFlight(document.get("_id"), entries));
            if (brokerUnavailable) {
                break;
            }
        }
        var total = documents.stream()
                .mapToLong(document -> document.get(OUTBOX) instanceof List<?> outbox ? outbox.size() : 0)
                .sum();
        var published = 0L;
        var failed = brokerUnavailable;
        var removals = new ArrayList<UpdateOneModel<Document>>();
        for (var document : inFlight) {
            var acknowledged = acknowledgedPrefix(collectionName, document);
            if (acknowledged.size() < document.entries().size()) {
                failed = true;
            }
            if (!acknowledged.isEmpty()) {
                removals.add(new UpdateOneModel<>(
                        new Document("_id", document.documentId()),
                        new Document(
                                        "$pull",
                                        new Document(
                                                OUTBOX, new Document("eventId", new Document("$in", acknowledged))))
                                .append("$inc", new Document(VERSION, 1L))));
                published += acknowledged.size();
            }
        }
        if (!removals.isEmpty()) {
            // One round trip for the whole pass: each update stays atomic on its own document.
            collection.bulkWrite(removals, new BulkWriteOptions().ordered(false));
            meters.counter("homeward.outbox.published", "collection", collectionName)
                    .increment(published);
        }
        if (failed) {
            failures.increment();
        }
        return new Outcome(full, total - published, failed);
    }

    private Entry send(Document stored) {
        var eventId = stored.getString("eventId");
        var occurredAt = instantOf(stored.get("occurredAt"));
        CompletableFuture<SendResult<String, byte[]>> ack;
        try {
            var record = new ProducerRecord<>(
                    stored.getString("topic"), stored.getString("key"), bytesOf(stored.get("payload")));
            record.headers().add(EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
            var schema = stored.getString("contractSchema");
            if (schema != null) {
                record.headers().add(CONTRACT_SCHEMA_HEADER, schema.getBytes(StandardCharsets.UTF_8));
            }
            ack = kafka.send(record);
        } catch (RuntimeException failure) {
            ack = CompletableFuture.failedFuture(failure);
        }
        return new Entry(eventId, ((Number) stored.get("sequence")).longValue(), occurredAt, ack);
    }

    /** The ids of the entries acknowledged in sequence order, up to the first that failed. */
    private List<String> acknowledgedPrefix(String collection, InFlight document) {
        var acknowledged = new ArrayList<String>();
        var deadline =
                System.nanoTime() + properties.sendTimeout().plusSeconds(5).toNanos();
        for (var entry : document.entries()) {
            try {
                entry.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(entry.eventId());
                latency.record(Duration.between(entry.occurredAt(), clock.instant()));
            } catch (ExecutionException | TimeoutException failure) {
                var cause = failure instanceof ExecutionException ? failure.getCause() : failure;
                log.warn(
                        "Publishing event {} (sequence {}) of {} {} failed, will retry: {}",
                        entry.eventId(),
                        entry.sequence(),
                        collection,
                        document.documentId(),
                        describe(cause == null ? failure : cause));
                break;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    /** Entries by sequence; throws if an entry lacks what the relay needs, so its document is skipped. */
    /** The deepest cause that says something; Kafka's messages name topics and timeouts, never payloads. */
    private static String describe(Throwable failure) {
        var described = failure.toString();
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                described = cause.toString();
            }
        }
        return described;
    }

    private static List<Document> sorted(List<Document> entries) {
        for (var entry : entries) {
            Objects.requireNonNull(entry.getString("eventId"), "eventId");
            Objects.requireNonNull(entry.get("sequence", Number.class), "sequence");
            instantOf(entry.get("occurredAt"));
        }
        return entries.stream()
                .sorted(Comparator.comparingLong(entry -> ((Number) entry.get("sequence")).longValue()))
                .toList();
    }

    private static byte[] bytesOf(Object payload) {
        if (payload instanceof Binary binary) {
            return binary.getData();
        }
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        throw new IllegalStateException("outbox payload is not binary");
    }

    private static Instant instantOf(@Nullable Object occurredAt) {
        if (occurredAt instanceof Date date) {
            return date.toInstant();
        }
        if (occurredAt instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("outbox occurredAt is not a date");
    }

    private Duration backoff() {
        var doubled = properties.pollInterval().multipliedBy(1L << Math.min(consecutiveFailures, 16));
        return doubled.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : doubled;
    }

    /** Waits until the time is up, the relay stops, or (when wakeable) someone calls {@link #wakeUp()}. */
    private void pause(Duration duration, boolean wakeable) {
        var deadline = System.nanoTime() + duration.toNanos();
        synchronized (monitor) {
            try {
                while (running && !(wakeable && wakeUpRequested)) {
                    var remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            }
            // Saves during the pause are covered by the coming pass.
            wakeUpRequested = false;
        }
    }
}
