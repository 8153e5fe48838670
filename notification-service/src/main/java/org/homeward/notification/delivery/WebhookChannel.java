package org.homeward.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.homeward.notification.contactpoint.ContactPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts signed alerts to contact points' webhooks. Each call blocks only its own virtual thread and is bounded by
 * the connect and read timeouts, so a hanging receiver delays nobody else. At most {@code
 * webhook-connections-per-receiver} calls go to one receiver (scheme, host and port) at a time: a burst of alerts
 * reuses a few kept-alive connections instead of opening one per alert, and a receiver is never flooded; the
 * attempts beyond that wait their turn, delaying only that receiver's own alerts.
 */
@Component
class WebhookChannel {

    // Wall-clock time, not the business clock: receivers compare the signature time with their own clocks.
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final HttpClient http;
    private final Map<String, Semaphore> callsPerReceiver = new ConcurrentHashMap<>();
    private final DeliveryProperties properties;
    private final AlertLinks links;
    private final JsonMapper json;

    WebhookChannel(DeliveryProperties properties, AlertLinks links, JsonMapper json) {
        this.properties = properties;
        this.links = links;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    AttemptOutcome send(Delivery delivery, ContactPoint recipient) {
        var webhook = recipient.webhook();
        if (webhook == null) {
            return new AttemptOutcome.Refused("contact point has no webhook any more");
        }
        var uri = URI.create(webhook.url());
        var turns = callsPerReceiver.computeIfAbsent(
                receiver(uri), any -> new Semaphore(properties.webhookConnectionsPerReceiver(), true));
        try {
            turns.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new AttemptOutcome.Retry("interrupted by shutdown");
        }
        try {
            return call(uri, webhook.secret(), delivery);
        } finally {
            turns.release();
        }
    }

    private static String receiver(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private AttemptOutcome call(URI uri, String secret, Delivery delivery) {
        var body = json.writeValueAsBytes(WebhookPayload.of(delivery, links));
        var request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Homeward-Notification/1")
                .header(WebhookSignature.DELIVERY_ID_HEADER, delivery.id())
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, WALL_CLOCK.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            var status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new AttemptOutcome.Delivered();
            }
            if (status == 410) {
                return new AttemptOutcome.Refused("receiver answered 410 Gone");
            }
            return new AttemptOutcome.Retry("receiver answered HTTP " + status);
        } catch (HttpTimeoutException timeout) {
            return new AttemptOutcome.Retry("receiver timed out");
        } catch (IOException failure) {
            return new AttemptOutcome.Retry(
                    "connection failed: " + failure.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new AttemptOutcome.Retry("interrupted by shutdown");
        }
    }
}
