package org.homeward.devstack.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Calls to the stack's HTTP APIs with the JDK's client, as any client of Homeward would make them. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** An answer: status, the ETag if any, and the body as JSON (missing when the body is not JSON). */
    record Answer(int status, @Nullable String etag, String text) {

        JsonNode json() {
            try {
                return text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException notJson) {
                return MissingNode.getInstance();
            }
        }

        // Bodies may hold synthetic personal data; status and length are enough in failure messages.
        @Override
        public String toString() {
            return "Answer[status=" + status + ", etag=" + etag + ", body=" + text.length() + " chars]";
        }
    }

    Answer get(URI uri, @Nullable String token) {
        return send(HttpRequest.newBuilder(uri).GET(), token, Map.of());
    }

    Answer post(URI uri, @Nullable String token, Object body) {
        return post(uri, token, body, Map.of());
    }

    Answer post(URI uri, @Nullable String token, Object body, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(body))),
                token,
                headers);
    }

    Answer put(URI uri, @Nullable String token, Object body, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json(body))),
                token,
                headers);
    }

    Answer delete(URI uri, @Nullable String token, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri).DELETE(), token, headers);
    }

    private Answer send(HttpRequest.Builder request, @Nullable String token, Map<String, String> headers) {
        request.timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    response.statusCode(), response.headers().firstValue("ETag").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
