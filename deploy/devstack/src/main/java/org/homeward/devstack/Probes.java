package org.homeward.devstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;

/**
 * How the launcher tells that a component is ready: an HTTP readiness endpoint answering 200, Kafka describing its
 * cluster through the Admin API, MongoDB answering {@code ping}. Each answers null when ready, else what is wrong.
 */
final class Probes {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Probes() {}

    /** What a component answers when asked whether it is ready: null when it is, else what is wrong. */
    @FunctionalInterface
    interface Probe {
        @Nullable
        String problem();
    }

    /** Ready when {@code GET url} answers 200. */
    static Probe http(URI url) {
        return () -> {
            try {
                var response = HTTP.send(
                        HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200 ? null : "HTTP " + response.statusCode() + " from " + url;
            } catch (ConnectException refused) {
                return "connection refused";
            } catch (HttpTimeoutException slow) {
                return "no answer within " + TIMEOUT.toSeconds() + " s";
            } catch (IOException e) {
                return "unreachable: " + e.getClass().getSimpleName();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        };
    }

    /** Ready when the broker's port accepts and the Admin API describes a cluster with a controller. */
    static Probe kafka(int port) {
        return () -> {
            var listening = listening(port);
            if (listening != null) {
                return listening;
            }
            var config = Map.<String, Object>of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    "127.0.0.1:" + port,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    (int) TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    (int) TIMEOUT.toMillis(),
                    AdminClientConfig.CLIENT_ID_CONFIG,
                    "devstack-probe");
            try (var admin = Admin.create(config)) {
                var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
                var nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                var controller = cluster.controller().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return nodes.isEmpty() || controller == null ? "no broker or controller in the cluster yet" : null;
            } catch (ExecutionException | TimeoutException e) {
                return "the Admin API did not describe the cluster";
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } catch (RuntimeException e) {
                return "the Admin API failed: " + e.getClass().getSimpleName();
            }
        };
    }

    /** Ready when the server answers {@code ping} over the wire protocol. */
    static Probe mongo(int port) {
        return () -> {
            try {
                return MongoPing.ping(port, TIMEOUT) ? null : "ping not answered with ok";
            } catch (ConnectException refused) {
                return "connection refused";
            } catch (IOException e) {
                return "ping failed: " + e.getClass().getSimpleName();
            }
        };
    }

    /** Null if something accepts connections on the port. */
    static @Nullable String listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            return null;
        } catch (IOException e) {
            return "connection refused";
        }
    }
}
