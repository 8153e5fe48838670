package org.homeward.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.notification.ContactPointRequests.anNcp;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.notification.Directory;
import org.homeward.notification.MatchEvents;
import org.homeward.notification.TestClockConfiguration;
import org.homeward.notification.TestSetup;
import org.homeward.platform.security.Role;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers
@Import({TestSecurityConfiguration.class, TestClockConfiguration.class, InboxIntegrationTests.SmallSendBuffers.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InboxIntegrationTests {

    /**
     * Small socket send buffers, so that a stream whose reader stops reading blocks its writer after a few entries
     * instead of after megabytes.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SmallSendBuffers {
        @Bean
        TomcatConnectorCustomizer smallSendBuffers() {
            return connector -> connector.setProperty("socket.txBufSize", "4096");
        }
    }

    /** Two synthetic NCP users of Poland and one of Ukraine. */
    private static final String FIRST = TestTokens.token()
            .subject("ncp-pl-first")
            .country("PL")
            .roles(Role.NCP)
            .build();

    private static final String SECOND = TestTokens.token()
            .subject("ncp-pl-second")
            .country("PL")
            .roles(Role.NCP)
            .build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSetup.register(registry, InboxIntegrationTests.class);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ServiceApi api;
    MatchEvents events;

    @BeforeEach
    void open() {
        api = new ServiceApi(port);
        events = new MatchEvents(TestSetup.matchesTopic(InboxIntegrationTests.class));
        mongo.remove(new Query(), "contactPoints");
        // The test clock stands still: entries of earlier tests would tie with a test's own on the first page.
        mongo.remove(new Query(), InboxEntry.class);
        new Directory(api).create("PL", anNcp("PL").inbox("ncp-pl-first", "ncp-pl-second"));
    }

    @AfterEach
    void close() {
        events.close();
    }

    private String propose() {
        var proposal = MatchEvents.proposal(
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchEvents.ref(UUID.randomUUID().toString(), "UA"),
                MatchDecision.POSSIBLE);
        events.publishMatch(proposal, proposal.getMatchId().toString());
        return proposal.getMatchId().toString();
    }

    private List<String> propose(int count) {
        var matchIds = new ArrayList<String>();
        for (var i = 0; i < count; i++) {
            matchIds.add(propose());
        }
        return matchIds;
    }

    private List<JsonNode> inbox(String token, String query) {
        var response = api.call("GET", "/api/v1/inbox" + query).token(token).send();
        assertThat(response.status()).isEqualTo(200);
        return response.json().valueStream().toList();
    }

    private JsonNode entryOf(String token, String matchId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> inbox(token, "").stream()
                                .filter(entry -> entry.get("matchId").asString().equals(matchId))
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
    }

    /** An open inbox stream of the first user, whose lines are collected as they arrive; closing ends it. */
    private final class OpenStream implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final HttpResponse<java.util.stream.Stream<String>> response;
        private final HttpClient http = HttpClient.newHttpClient();

        OpenStream() throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inbox/stream"))
                    .header("Authorization", "Bearer " + FIRST)
                    .header("Accept", "text/event-stream")
                    .build();
            response =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
            Thread.ofVirtual().start(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (UncheckedIOException closedByTheTest) {
                    // The stream ends when the test shuts its client down.
                }
            });
        }

        /** Waits until every one of these matches has arrived on the stream. */
        void awaitAll(List<String> matchIds) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> matchIds.stream()
                            .allMatch(matchId -> lines.stream().anyMatch(line -> line.contains(matchId))));
        }

        @Override
        public void close() {
            // HttpClient.close() would wait for the stream to end, which it never does by itself.
            http.shutdownNow();
        }
    }

    /** The second user's stream, read up to its status line and then never again. */
    private final class StalledStream implements AutoCloseable {
        private final Socket socket = new Socket();

        StalledStream() throws Exception {
            // Set before connecting, so the window the server may fill stays small.
            socket.setReceiveBufferSize(1024);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            var request = "GET /api/v1/inbox/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + SECOND
                    + "\r\nAccept: text/event-stream\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var status = new StringBuilder();
            int read;
            while ((read = socket.getInputStream().read()) != '\n' && read != -1) {
                status.append((char) read);
            }
            assertThat(status.toString()).startsWith("HTTP/1.1 200");
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void aReaderThatStopsReadingHoldsUpNeitherDeliveriesNorOtherUsersStreams() throws Exception {
        try (var stalled = new StalledStream();
                var reading = new OpenStream()) {
            // About 150 KB of events: far more than the stalled connection's buffers take, so its writer blocks.
            var matchIds = propose(300);

            reading.awaitAll(matchIds);
            var settled = Query.query(where("matchId")
                    .in(matchIds)
                    .and("channel")
                    .is("IN_APP")
                    .and("status")
                    .is("SENT"));
            await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(settled, "deliveries") == matchIds.size());
        }
    }

    @Test
    void streamsANewEntryToTheUserAsServerSentEvents() throws Exception {
        try (var stream = new OpenStream()) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

            var matchId = propose();

            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            stream.lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(matchId)));
            assertThat(stream.lines).contains("event:inbox-entry");
            assertThat(String.join("\n", stream.lines)).doesNotContain("Testrin");
        }
    }

    @Test
    void streamsEveryEntryOfABurstOnceAndWellFormed() throws Exception {
        try (var stream = new OpenStream()) {
            // Entries that arrive together leave in one write: each must still be its own event.
            var matchIds = propose(20);

            stream.awaitAll(matchIds);
            var events = String.join("\n", stream.lines).split("\n\n");
            var ours = java.util.Arrays.stream(events)
                    .filter(event -> matchIds.stream().anyMatch(event::contains))
                    .toList();
            assertThat(ours).hasSize(20).allSatisfy(event -> {
                assertThat(event.lines().filter(line -> line.startsWith("id:"))).hasSize(1);
                assertThat(event.lines()).contains("event:inbox-entry");
                assertThat(event.lines().filter(line -> line.startsWith("data:")))
                        .hasSize(1);
            });
            assertThat(ours.stream()
                            .map(event -> event.lines()
                                    .filter(line -> line.startsWith("id:"))
                                    .findFirst()
                                    .orElseThrow()))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void showsEachUserOnlyTheirOwnEntries() {
        var matchId = propose();
        var mine = entryOf(FIRST, matchId);
        entryOf(SECOND, matchId);

        var id = mine.get("id").asString();
        assertThat(api.call("POST", "/api/v1/inbox/" + id + "/read")
                        .token(SECOND)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.call("POST", "/api/v1/inbox/" + id + "/read")
                        .token(TestTokens.ncp("UA"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(inbox(TestTokens.ncp("UA"), "")).isEmpty();
        assertThat(api.call("GET", "/api/v1/inbox").send().status()).isEqualTo(401);
    }

    @Test
    void marksAnEntryReadAndAcknowledgesItForTheWholeContactPoint() {
        var matchId = propose();
        var mine = entryOf(FIRST, matchId);
        assertThat(mine.get("read").asBoolean()).isFalse();
        assertThat(inbox(FIRST, "?unread=true"))
                .extracting(entry -> entry.get("id").asString())
                .contains(mine.get("id").asString());

        var read = api.call("POST", "/api/v1/inbox/" + mine.get("id").asString() + "/read")
                .token(FIRST)
                .send();
        assertThat(read.json().get("read").asBoolean()).isTrue();
        assertThat(inbox(FIRST, "?unread=true"))
                .extracting(entry -> entry.get("id").asString())
                .doesNotContain(mine.get("id").asString());

        var acknowledged = api.call("POST", "/api/v1/inbox/" + mine.get("id").asString() + "/acknowledgement")
                .token(FIRST)
                .send();
        assertThat(acknowledged.status()).isEqualTo(200);
        // The colleague sees that somebody took it up.
        assertThat(entryOf(SECOND, matchId).get("acknowledged").asBoolean()).isTrue();
    }

    @Test
    void exposesDeliveryMetricsForPrometheus() {
        var matchId = propose();
        entryOf(FIRST, matchId);

        var scrape = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.call("GET", "/actuator/prometheus").send(),
                        response -> response.status() == 200
                                && response.body()
                                        .contains(
                                                "homeward_notification_delivery_latency_seconds_count{channel=\"IN_APP\""));
        assertThat(scrape.body())
                .contains("homeward_notification_delivery_queue_depth")
                .contains("homeward_notification_delivery_in_flight");
    }
}
