package org.homeward.devstack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.homeward.devstack.keycloak.DemoIdentities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journey the system exists for, on the real stack: a child found in Poland and reported missing in Ukraine, in
 * another script, is proposed as one child to both national contact points, who are alerted by e-mail and in their
 * inboxes; Ukraine's NCP confirms, and both registries move their record to reunification.
 */
class ReunificationSystemTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static SystemStack stack;
    private static StackClient client;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        client = new StackClient(stack);
    }

    @Test
    void reunitesAChildFoundInPolandWithItsMissingReportFromUkraine() {
        var child = SyntheticChild.ALL.get(0);
        var registration = client.register("PL", "pl-caseworker", child.registration());
        var missingReport = client.register("UA", "ua-caseworker", child.missingReport());

        // The proposal appears for both countries' reviewers.
        var proposal = new AtomicReference<JsonNode>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            var seenByUkraine = StackClient.naming(client.proposals("ua-ncp"), registration, missingReport);
            assertThat(seenByUkraine).hasSize(1);
            assertThat(StackClient.pairs(seenByUkraine.getFirst(), registration, missingReport))
                    .isTrue();
            proposal.set(seenByUkraine.getFirst());
        });
        var matchId = proposal.get().path("id").asText();
        assertThat(proposal.get().path("status").asText()).isEqualTo("PROPOSED");
        assertThat(client.proposals("pl-ncp"))
                .anyMatch(seen -> seen.path("id").asText().equals(matchId));

        // Both national contact points are alerted: one e-mail each, and an entry in each NCP's inbox.
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (var ncp : new String[] {"ua-ncp", "pl-ncp"}) {
                var address = DemoIdentities.user(ncp).email();
                assertThat(client.mails(address))
                        .as("proposal mails to %s", ncp)
                        .filteredOn(mail -> mail.isProposalOf(matchId))
                        .hasSize(1);
                assertThat(client.inbox(ncp))
                        .as("inbox of %s", ncp)
                        .anyMatch(entry -> entry.path("matchId").asText().equals(matchId)
                                && entry.path("about").asText().equals("MATCH_PROPOSED"));
            }
        });

        // Ukraine's NCP reads the proposal and confirms it.
        var read = stack.api()
                .get(
                        stack.running().endpoints().matching().resolve("api/v1/match-proposals/" + matchId),
                        stack.token("ua-ncp"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isNotNull();
        var confirmed = stack.api()
                .post(
                        stack.running()
                                .endpoints()
                                .matching()
                                .resolve("api/v1/match-proposals/" + matchId + "/confirmation"),
                        stack.token("ua-ncp"),
                        Map.of("reason", "same child: documents compared by both NCPs"),
                        Map.of("If-Match", read.etag()));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");

        // Both registries move their record to reunification.
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(client.record("PL", "pl-caseworker", registration)
                            .path("status")
                            .asText())
                    .isEqualTo("REUNIFICATION_IN_PROGRESS");
            assertThat(client.record("UA", "ua-caseworker", missingReport)
                            .path("status")
                            .asText())
                    .isEqualTo("REUNIFICATION_IN_PROGRESS");
        });
    }
}
