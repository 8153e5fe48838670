package org.homeward.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.homeward.notification.delivery.WebhookSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real webhook receiver on 127.0.0.1, doing what the README asks of receivers: it verifies the signature and its
 * age, drops a delivery id it has already accepted, and records what it accepted. It can fail its first calls, or
 * hang until closed.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A delivery the receiver accepted. */
    public record Accepted(String deliveryId, JsonNode body, Instant at) {}

    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger rejectedSignatures = new AtomicInteger();
    private volatile String secret = "";
    private volatile int failuresLeft;
    private volatile boolean hang;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hooks/homeward", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/homeward";
    }

    /** The secret the contact point's creation returned. */
    public WebhookReceiver secret(String secret) {
        this.secret = secret;
        return this;
    }

    /** Answers 503 to the next {@code count} calls. */
    public WebhookReceiver failNext(int count) {
        this.failuresLeft = count;
        return this;
    }

    /** Never answers until closed. */
    public WebhookReceiver hang() {
        this.hang = true;
        return this;
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    public int calls() {
        return calls.get();
    }

    public int rejectedSignatures() {
        return rejectedSignatures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            var body = exchange.getRequestBody().readAllBytes();
            if (hang) {
                released.await();
                return;
            }
            if (failuresLeft > 0) {
                failuresLeft--;
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            var signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            var deliveryId = exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_ID_HEADER);
            if (signature == null
                    || deliveryId == null
                    || !WebhookSignature.verify(signature, body, secret, Instant.now())) {
                rejectedSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (seen.add(deliveryId)) {
                accepted.add(new Accepted(
                        deliveryId, JSON.readTree(new String(body, StandardCharsets.UTF_8)), Instant.now()));
            }
            // A replay is answered 2xx too: the sender must stop, the receiver must not act twice.
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
