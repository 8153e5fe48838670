package org.homeward.devstack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.homeward.devstack.keycloak.DemoIdentities;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, with real tokens against the running services: jurisdiction by country (404 where a 403 would
 * confirm the child is on file), roles (403), and tokens that are not Homeward's (401 from every service).
 */
class AuthorisationMatrixSystemTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static SystemStack stack;
    private static StackClient client;
    private static Api api;
    private static String ukrainianRecord;
    private static String polishRecord;
    private static String matchId;

    @BeforeAll
    static void proposeAPairBetweenUkraineAndPoland() {
        stack = SystemStack.get();
        client = new StackClient(stack);
        api = stack.api();
        var child = SyntheticChild.ALL.get(1);
        polishRecord = client.register("PL", "pl-caseworker", child.registration());
        ukrainianRecord = client.register("UA", "ua-caseworker", child.missingReport());
        var proposal = new AtomicReference<JsonNode>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            var found = StackClient.naming(client.proposals("ua-ncp"), polishRecord, ukrainianRecord);
            assertThat(found).hasSize(1);
            proposal.set(found.getFirst());
        });
        matchId = proposal.get().path("id").asText();
    }

    @Test
    void polishCaseworkerCanNeitherWriteNorSeeUkrainianRecords() {
        var token = stack.token("pl-caseworker");
        var child = SyntheticChild.ALL.get(1);
        assertThat(api.post(records("UA"), token, child.missingReport()).status())
                .as("register in UA")
                .isEqualTo(403);
        assertThat(api.get(record("UA", ukrainianRecord), token).status())
                .as("read a UA record")
                .isEqualTo(404);
        assertThat(api.put(record("UA", ukrainianRecord), token, child.missingReport(), ifMatch("\"0\""))
                        .status())
                .as("update a UA record")
                .isEqualTo(404);
        assertThat(api.post(
                                status("UA", ukrainianRecord),
                                token,
                                Map.of("status", "CLOSED", "reason", "OTHER"),
                                ifMatch("\"0\""))
                        .status())
                .as("change a UA record's status")
                .isEqualTo(404);
        // Its own country's record stays readable with the same token.
        assertThat(api.get(record("PL", polishRecord), token).status()).isEqualTo(200);
    }

    @Test
    void countryOutsideAMatchCanNeitherSeeNorDecideIt() {
        var token = stack.token("de-ncp");
        assertThat(api.get(proposal(matchId), token).status()).as("read").isEqualTo(404);
        assertThat(client.proposals("de-ncp"))
                .as("list")
                .noneMatch(seen -> seen.path("id").asText().equals(matchId));
        var etag = api.get(proposal(matchId), stack.token("pl-ncp")).etag();
        assertThat(etag).isNotNull();
        var decision = Map.of("reason", "not ours to decide");
        assertThat(api.post(proposal(matchId).resolve(matchId + "/confirmation"), token, decision, ifMatch(etag))
                        .status())
                .as("confirm")
                .isEqualTo(404);
        assertThat(api.post(proposal(matchId).resolve(matchId + "/rejection"), token, decision, ifMatch(etag))
                        .status())
                .as("reject")
                .isEqualTo(404);
        // Nothing changed: the parties still see it proposed.
        assertThat(api.get(proposal(matchId), stack.token("ua-ncp"))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PROPOSED");
    }

    @Test
    void auditorReadsRecordsButEveryWriteIsRefused() {
        var token = stack.token("ua-auditor");
        var read = api.get(record("UA", ukrainianRecord), token);
        assertThat(read.status()).as("read a record").isEqualTo(200);
        assertThat(api.get(records("UA"), token).status()).as("search records").isEqualTo(200);
        var etag = read.etag();
        assertThat(etag).isNotNull();
        var child = SyntheticChild.ALL.get(1);
        assertThat(api.post(records("UA"), token, child.missingReport()).status())
                .as("register")
                .isEqualTo(403);
        assertThat(api.put(record("UA", ukrainianRecord), token, child.missingReport(), ifMatch(etag))
                        .status())
                .as("update")
                .isEqualTo(403);
        assertThat(api.post(status("UA", ukrainianRecord), token, Map.of("status", "MATCH_PENDING"), ifMatch(etag))
                        .status())
                .as("change status")
                .isEqualTo(403);
        assertThat(api.delete(record("UA", ukrainianRecord), token, ifMatch(etag))
                        .status())
                .as("erase")
                .isEqualTo(403);
        // Proposals are for reviewers (ncp, supervisor): the auditor's trail is the audit log, not the review API.
        assertThat(api.get(proposal(matchId), token).status())
                .as("read a proposal")
                .isEqualTo(403);
        var proposalEtag = api.get(proposal(matchId), stack.token("ua-ncp")).etag();
        assertThat(proposalEtag).isNotNull();
        assertThat(api.post(
                                proposal(matchId).resolve(matchId + "/confirmation"),
                                token,
                                Map.of("reason", "auditors do not decide"),
                                ifMatch(proposalEtag))
                        .status())
                .as("confirm a proposal")
                .isEqualTo(403);
        var contactPoint = new LinkedHashMap<String, Object>();
        contactPoint.put("country", "UA");
        contactPoint.put("kind", "NCP");
        contactPoint.put("name", "auditor's contact point");
        contactPoint.put("language", "en");
        assertThat(api.post(
                                stack.running().endpoints().notification().resolve("api/v1/contact-points"),
                                token,
                                contactPoint)
                        .status())
                .as("create a contact point")
                .isEqualTo(403);
        // The refused writes changed nothing.
        var after = api.get(record("UA", ukrainianRecord), token);
        assertThat(after.etag()).isEqualTo(etag);
        assertThat(after.json().path("status").asText())
                .isEqualTo(read.json().path("status").asText());
    }

    @Test
    void everyServiceRefusesTokensThatAreNotHomewards() {
        var genuine = stack.token("ua-ncp");
        var forged = Jwts.forge(genuine, claims -> {});
        assertThat(Jwts.header(forged).path("kid").asText())
                .isEqualTo(Jwts.header(genuine).path("kid").asText());
        var unrelated = stack.login().clientToken(DemoIdentities.UNRELATED_APP);
        assertThat(Jwts.claims(unrelated).path("aud").toString()).doesNotContain("\"homeward\"");
        var expired = stack.expiryProbeToken();
        assertThat(stack.expiryProbeStatusWhileFresh())
                .as("the probe's token while fresh")
                .isNotEqualTo(401);

        for (var endpoint : protectedEndpoints().entrySet()) {
            assertThat(api.get(endpoint.getValue(), genuine).status())
                    .as("genuine token on %s", endpoint.getKey())
                    .isNotEqualTo(401);
            assertThat(statusOf(endpoint.getValue(), null))
                    .as("no token on %s", endpoint.getKey())
                    .isEqualTo(401);
            assertThat(statusOf(endpoint.getValue(), forged))
                    .as("forged token on %s", endpoint.getKey())
                    .isEqualTo(401);
            assertThat(statusOf(endpoint.getValue(), unrelated))
                    .as("unrelated app's token on %s", endpoint.getKey())
                    .isEqualTo(401);
        }
        assertThat(api.post(records("UA"), forged, SyntheticChild.ALL.get(1).missingReport())
                        .status())
                .as("forged token writing a record")
                .isEqualTo(401);

        // Expired: past exp plus the services' 30 s clock skew.
        var expiresAt = Instant.ofEpochSecond(Jwts.claims(expired).path("exp").asLong());
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(expiresAt.plusSeconds(31)));
        for (var endpoint : protectedEndpoints().entrySet()) {
            assertThat(statusOf(endpoint.getValue(), expired))
                    .as("expired token on %s", endpoint.getKey())
                    .isEqualTo(401);
        }
    }

    private static Map<String, URI> protectedEndpoints() {
        var endpoints = stack.running().endpoints();
        var all = new LinkedHashMap<String, URI>();
        endpoints.registries().forEach((country, uri) -> all.put("registry-" + country, uri.resolve("api/v1/records")));
        all.put("matching", endpoints.matching().resolve("api/v1/match-proposals"));
        all.put("notification inbox", endpoints.notification().resolve("api/v1/inbox"));
        all.put("notification contact points", endpoints.notification().resolve("api/v1/contact-points"));
        return all;
    }

    private static int statusOf(URI uri, @Nullable String token) {
        return api.get(uri, token).status();
    }

    private static URI records(String country) {
        return stack.running().endpoints().registry(country).resolve("api/v1/records");
    }

    private static URI record(String country, String id) {
        return records(country).resolve("records/" + id);
    }

    private static URI status(String country, String id) {
        return records(country).resolve("records/" + id + "/status");
    }

    private static URI proposal(String id) {
        return stack.running().endpoints().matching().resolve("api/v1/match-proposals/" + id);
    }

    private static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag);
    }
}
