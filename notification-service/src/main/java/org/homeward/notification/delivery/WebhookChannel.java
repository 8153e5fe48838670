package org.homeward.notification.delivery;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.homeward.notification.contactpoint.ContactPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts signed alerts to contact points' webhooks. Each call is bounded by the connect and read timeouts, so a hanging
 * receiver delays nobody else. At most {@code webhook-connections-per-receiver} calls go to one receiver (scheme, host
 * and port) at a time, in a {@link ReceiverLane}: a burst of alerts reuses a few kept-alive connections instead of
 * opening one per alert, and a receiver is never flooded; the attempts beyond that wait their turn, delaying only
 * that receiver's own alerts. Each attempt signs its call when its turn comes, so a long wait does not age the
 * signature's time.
 */
@Component
class WebhookChannel {

    // Wall-clock time, not the business clock: receivers compare the signature time with their own clocks.
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final HttpClient http;
    private final ExecutorService httpThreads;
    private final Executor laneThreads;
    private final Map<String, ReceiverLane> lanes = new ConcurrentHashMap<>();
    private final DeliveryProperties properties;
    private final AlertLinks links;
    private final JsonMapper json;

    WebhookChannel(DeliveryProperties properties, AlertLinks links, JsonMapper json) {
        this.properties = properties;
        this.links = links;
        this.json = json;
        // Platform threads: the next call to a receiver starts on them, clear of the attempts' virtual threads.
        this.httpThreads = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("webhook-http-", 0).daemon().factory());
        this.laneThreads = task -> {
            try {
                httpThreads.execute(task);
            } catch (RejectedExecutionException stopping) {
                // Shutting down: end the call here rather than leave its attempt waiting.
                task.run();
            }
        };
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpThreads)
                .build();
    }

    AttemptOutcome send(Delivery delivery, ContactPoint recipient) {
        var webhook = recipient.webhook();
        if (webhook == null) {
            return new AttemptOutcome.Refused("contact point has no webhook any more");
        }
        var uri = URI.create(webhook.url());
        var body = json.writeValueAsBytes(WebhookPayload.of(delivery, links));
        var lane = lanes.computeIfAbsent(
                receiver(uri), any -> new ReceiverLane(properties.webhookConnectionsPerReceiver(), laneThreads));
        var outcome = lane.submit(() -> call(uri, webhook.secret(), delivery.id(), body));
        try {
            return outcome.get();
        } catch (InterruptedException interrupted) {
            outcome.cancel(true);
            Thread.currentThread().interrupt();
            return new AttemptOutcome.Retry("interrupted by shutdown");
        } catch (ExecutionException failed) {
            return new AttemptOutcome.Retry(
                    "call failed: " + failed.getCause().getClass().getSimpleName());
        }
    }

    private static String receiver(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private CompletableFuture<AttemptOutcome> call(URI uri, String secret, String deliveryId, byte[] body) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Homeward-Notification/1")
                .header(WebhookSignature.DELIVERY_ID_HEADER, deliveryId)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, WALL_CLOCK.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        // Cancelling this stage (an interrupted attempt) cancels the exchange too: the JDK client's dependent stages
        // carry the request's cancellation (WebhookChannelTests checks the connection ends).
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle(WebhookChannel::outcome);
    }

    static AttemptOutcome outcome(HttpResponse<?> response, Throwable failure) {
        if (failure != null) {
            var cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause()
                    : failure;
            return switch (cause) {
                case HttpTimeoutException timeout -> new AttemptOutcome.Retry("receiver timed out");
                case IOException broken ->
                    new AttemptOutcome.Retry(
                            "connection failed: " + broken.getClass().getSimpleName());
                default ->
                    new AttemptOutcome.Retry("call failed: " + cause.getClass().getSimpleName());
            };
        }
        var status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new AttemptOutcome.Delivered();
        }
        if (status == 410) {
            return new AttemptOutcome.Refused("receiver answered 410 Gone");
        }
        return new AttemptOutcome.Retry("receiver answered HTTP " + status);
    }

    @PreDestroy
    void stop() {
        // Calls still running end with an IOException: their attempts settle as retries.
        http.shutdownNow();
        httpThreads.shutdown();
    }
}
