package org.homeward.notification.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of this instance, per user and country. New entries are pushed to the streams
 * of their recipient; a user on another instance sees them on the next list (or through that instance's stream).
 */
@Component
class InboxStreams implements SmartLifecycle {

    static final String EVENT = "inbox-entry";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private volatile boolean running;

    SseEmitter open(String recipient, String country) {
        var key = key(recipient, country);
        var emitter = new SseEmitter(TIMEOUT.toMillis());
        streams.computeIfAbsent(key, unused -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> streams.computeIfPresent(key, (unused, emitters) -> {
            emitters.remove(emitter);
            return emitters.isEmpty() ? null : emitters;
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

    void publish(InboxEntry entry) {
        var emitters = streams.get(key(entry.recipient(), entry.country()));
        if (emitters == null) {
            return;
        }
        for (var emitter : emitters) {
            try {
                emitter.send(SseEmitter.event()
                        .id(entry.id())
                        .name(EVENT)
                        .data(InboxEntryView.of(entry), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                emitter.completeWithError(gone);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        streams.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        streams.clear();
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
