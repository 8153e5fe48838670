package org.homeward.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against a real Tomcat, because only a real connector streams a chunked body without a declared length. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers
class RequestBodyLimitIntegrationTests {

    private static final int LIMIT = 64 * 1024;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void closeClient() {
        http.close();
    }

    @Test
    void refusesChunkedJsonBodyThatGrowsPastTheLimit() throws Exception {
        var response = post("/test/people", chunked(json(LIMIT + 1024)));

        assertPayloadTooLarge(response);
    }

    @Test
    void refusesChunkedBodyReadByTheControllerItself() throws Exception {
        var response = post("/test/raw", chunked(json(LIMIT + 1024)));

        assertPayloadTooLarge(response);
    }

    @Test
    void refusesBodyWhoseDeclaredLengthExceedsTheLimit() throws Exception {
        var response = post("/test/raw", HttpRequest.BodyPublishers.ofByteArray(json(LIMIT + 1)));

        assertPayloadTooLarge(response);
    }

    @Test
    void acceptsChunkedBodyWithinTheLimit() throws Exception {
        var response = post("/test/raw", chunked(json(LIMIT - 16)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(String.valueOf(LIMIT - 16));
    }

    @Test
    void answersErrorsOutsideSpringMvcAsProblems() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/send-error"))
                        .header("Authorization", "Bearer " + TestTokens.caseworker("PL"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"" + ProblemTypes.CONFLICT + "\"")
                .contains("\"instance\":\"/test/send-error\"");
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.caseworker("PL"))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A publisher of unknown length, which HttpClient sends with {@code Transfer-Encoding: chunked}. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static byte[] json(int size) {
        var prefix = "{\"givenName\": \"";
        var suffix = "\", \"names\": []}";
        var filler = "x".repeat(size - prefix.length() - suffix.length());
        return (prefix + filler + suffix).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertPayloadTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"" + ProblemTypes.PAYLOAD_TOO_LARGE + "\"");
    }
}
