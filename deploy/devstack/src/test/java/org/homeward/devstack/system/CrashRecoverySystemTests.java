package org.homeward.devstack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.homeward.devstack.keycloak.DemoIdentities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crashes on the real stack: the matching service and the Kafka broker are killed with SIGKILL while records keep
 * being registered, then started again. The outboxes, idempotent consumers and deduplicating notifier must together
 * lose nothing and double nothing: every pair gets exactly one proposal, and each NCP exactly one mail and one inbox
 * entry per proposal.
 */
class CrashRecoverySystemTests {

    private static SystemStack stack;
    private static StackClient client;

    private record Pair(String registration, String missingReport) {}

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        client = new StackClient(stack);
    }

    @Test
    void losesAndDoublesNothingWhenMatchingAndTheBrokerAreKilledMidStream() {
        var running = stack.running();
        var children = SyntheticChild.ALL.subList(2, 8);
        var pairs = new ArrayList<Pair>();

        pairs.add(register(children.get(0)));
        running.kill("matching");
        pairs.add(register(children.get(1)));
        running.kill("kafka");
        // With the broker down, registries still accept records: their events wait in each record's outbox.
        pairs.add(register(children.get(2)));
        pairs.add(register(children.get(3)));
        running.start("kafka");
        pairs.add(register(children.get(4)));
        running.start("matching");
        pairs.add(register(children.get(5)));

        var matchIds = new ArrayList<String>();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    var proposals = client.proposals("ua-ncp");
                    matchIds.clear();
                    for (var pair : pairs) {
                        var naming = StackClient.naming(proposals, pair.registration(), pair.missingReport());
                        assertThat(naming).hasSize(1);
                        assertThat(StackClient.pairs(naming.getFirst(), pair.registration(), pair.missingReport()))
                                .isTrue();
                        matchIds.add(naming.getFirst().path("id").asText());
                    }
                });
        assertThat(matchIds).doesNotHaveDuplicates().hasSize(pairs.size());

        // Exactly one alert per NCP and proposal, and it stays one: redelivered events after the crashes are dropped.
        await().atMost(Duration.ofMinutes(2))
                .during(Duration.ofSeconds(10))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    for (var ncp : List.of("ua-ncp", "pl-ncp")) {
                        var mails = client.mails(DemoIdentities.user(ncp).email());
                        var inbox = client.inbox(ncp);
                        for (var matchId : matchIds) {
                            assertThat(mails)
                                    .as("proposal mails to %s", ncp)
                                    .filteredOn(mail -> mail.isProposalOf(matchId))
                                    .hasSize(1);
                            assertThat(inbox)
                                    .as("inbox of %s", ncp)
                                    .filteredOn(entry -> entry.path("matchId")
                                                    .asText()
                                                    .equals(matchId)
                                            && entry.path("about").asText().equals("MATCH_PROPOSED"))
                                    .hasSize(1);
                        }
                    }
                    var proposals = client.proposals("pl-ncp");
                    for (var pair : pairs) {
                        assertThat(StackClient.naming(proposals, pair.registration(), pair.missingReport()))
                                .hasSize(1);
                    }
                });
        assertThat(running.health().values())
                .as("every component healthy again")
                .containsOnlyNulls();
    }

    private static Pair register(SyntheticChild child) {
        return new Pair(
                client.register("PL", "pl-caseworker", child.registration()),
                client.register("UA", "ua-caseworker", child.missingReport()));
    }
}
