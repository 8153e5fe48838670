package org.homeward.notification.inbox;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of this instance, per user and country. New entries are pushed to the streams
 * of their recipient; a user on another instance sees them on the next list (or through that instance's stream).
 *
 * <p>Publishing only queues the entry: each stream has at most one writer at a time, which sends whatever queued up
 * meanwhile (up to {@link #MAX_PER_WRITE}) with one flush. So a slow or stalled reader never holds up the delivery
 * that stored the entry, and a burst costs a flush per batch instead of per entry. A stream that falls more than
 * {@link #MAX_QUEUED} entries behind is ended; its reader lists the inbox when it reconnects.
 */
@Component
class InboxStreams implements SmartLifecycle {

    static final String EVENT = "inbox-entry";
    static final int MAX_PER_WRITE = 100;
    static final int MAX_QUEUED = 10_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final ExecutorService writers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("inbox-stream-", 0).factory());
    private volatile boolean running;

    /** One open stream, its queue of entries not yet sent, and whether a writer is at work on it. */
    private final class Stream {
        final SseEmitter emitter;
        final Queue<InboxEntry> queued = new ConcurrentLinkedQueue<>();
        final AtomicInteger backlog = new AtomicInteger();
        final AtomicBoolean writing = new AtomicBoolean();

        Stream(SseEmitter emitter) {
            this.emitter = emitter;
        }

        void offer(InboxEntry entry) {
            if (backlog.incrementAndGet() > MAX_QUEUED) {
                emitter.completeWithError(new IOException("inbox stream fell " + MAX_QUEUED + " entries behind"));
                return;
            }
            queued.add(entry);
            if (writing.compareAndSet(false, true)) {
                try {
                    writers.execute(this::write);
                } catch (RejectedExecutionException stopping) {
                    writing.set(false);
                }
            }
        }

        /** Sends what is queued, a batch per flush, until nothing is left and no other writer took over. */
        void write() {
            while (true) {
                var events = new LinkedHashSet<ResponseBodyEmitter.DataWithMediaType>();
                InboxEntry entry;
                var taken = 0;
                while (taken < MAX_PER_WRITE && (entry = queued.poll()) != null) {
                    events.addAll(SseEmitter.event()
                            .id(entry.id())
                            .name(EVENT)
                            .data(InboxEntryView.of(entry), MediaType.APPLICATION_JSON)
                            .build());
                    taken++;
                }
                backlog.addAndGet(-taken);
                if (taken > 0) {
                    try {
                        emitter.send(events);
                    } catch (IOException | IllegalStateException gone) {
                        emitter.completeWithError(gone);
                        queued.clear();
                        return;
                    }
                    continue;
                }
                writing.set(false);
                // An entry queued after the last poll but before the flag fell has no writer yet: take it on.
                if (queued.isEmpty() || !writing.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    SseEmitter open(String recipient, String country) {
        var key = key(recipient, country);
        var emitter = new SseEmitter(TIMEOUT.toMillis());
        var stream = new Stream(emitter);
        streams.computeIfAbsent(key, unused -> ConcurrentHashMap.newKeySet()).add(stream);
        Runnable remove = () -> streams.computeIfPresent(key, (unused, open) -> {
            open.remove(stream);
            return open.isEmpty() ? null : open;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        try {
            // An opening comment, so clients (and proxies) see the stream is live before the first entry.
            emitter.send(SseEmitter.event().comment("inbox stream open"));
        } catch (IOException gone) {
            emitter.completeWithError(gone);
        }
        return emitter;
    }

    /** Queues the entry for its recipient's open streams; never waits for a reader. */
    void publish(InboxEntry entry) {
        var open = streams.get(key(entry.recipient(), entry.country()));
        if (open == null) {
            return;
        }
        open.forEach(stream -> stream.offer(entry));
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        streams.values().forEach(open -> open.forEach(stream -> stream.emitter.complete()));
        streams.clear();
    }

    @PreDestroy
    void stopWriters() {
        writers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // After (stopped before) the web server's graceful shutdown phase.
        return Integer.MAX_VALUE;
    }

    private static String key(String recipient, String country) {
        return country + "|" + recipient;
    }
}
