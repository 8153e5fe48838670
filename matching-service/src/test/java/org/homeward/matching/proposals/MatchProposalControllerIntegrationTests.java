package org.homeward.matching.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.matching.RecordEvents.aMissingReport;
import static org.homeward.matching.RecordEvents.aRegistration;

import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.homeward.contracts.childrecord.Sex;
import org.homeward.contracts.matching.MatchConfirmed;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.matching.MatchRejected;
import org.homeward.matching.MatchEvents;
import org.homeward.matching.RecordEvents;
import org.homeward.matching.Registries;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "homeward.matching.intake.group-id=" + MatchProposalControllerIntegrationTests.GROUP)
@RealServers
@Import(TestSecurityConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MatchProposalControllerIntegrationTests {

    static final String GROUP = "matching-review-tests";
    private static final String NCP_UA = TestTokens.ncp("UA");
    private static final String NCP_PL = TestTokens.ncp("PL");
    private static final String NCP_DE = TestTokens.ncp("DE");

    /** Invented family names, one per test, so records of one test never match those of another. */
    private static final String[] FAMILIES_CYRILLIC = {
        "Перевіренко", "Тестовенко", "Зразковенко", "Макетовенко", "Пробовенко", "Вигадовенко"
    };

    private static final String[] FAMILIES_POLISH = {
        "Perewirenko", "Testowenko", "Zrazkowenko", "Maketowenko", "Probowenko", "Wyhadowenko"
    };
    private static final String[][] GIVEN = {
        {"Оксана", "Oksana", "Орися", "Orysia"},
        {"Дарина", "Daryna", "Мар'яна", "Marjana"},
        {"Соломія", "Solomija", "Ганна", "Hanna"},
        {"Ярина", "Jaryna", "Уляна", "Ulana"},
        {"Олеся", "Olesia", "Леся", "Lesia"},
        {"Зоряна", "Zorjana", "Христина", "Chrystyna"}
    };
    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ServiceApi api;
    Registries registries;
    MatchEvents matches;
    RecordEvents report;
    RecordEvents registration;
    String matchId;

    @BeforeEach
    void aProposal() {
        api = new ServiceApi(port);
        registries = new Registries();
        matches = new MatchEvents();
        var child = NEXT.getAndIncrement();
        report = aMissingReport("UA")
                .named(GIVEN[child][0], FAMILIES_CYRILLIC[child])
                .bornOn(2012 + child % 3, 2 + child, 3 + child)
                .mother(GIVEN[child][2], FAMILIES_CYRILLIC[child]);
        registration = aRegistration("PL")
                .named(GIVEN[child][1], FAMILIES_POLISH[child])
                .bornOn(2012 + child % 3, 2 + child, 3 + child);
        registries.publish("UA", report.registered());
        registries.publish("PL", registration.registered());
        matchId = matches.await(MatchProposed.class, report.recordId())
                .getFirst()
                .getMatchId()
                .toString();
    }

    @AfterEach
    void close() {
        registries.close();
        matches.close();
    }

    private ServiceApi.Response get(String token) {
        return api.call("GET", "/api/v1/match-proposals/" + matchId)
                .token(token)
                .send();
    }

    private ServiceApi.Response decide(String decision, String token, String ifMatch, String reason) {
        var call = api.call("POST", "/api/v1/match-proposals/" + matchId + "/" + decision)
                .token(token)
                .json("{\"reason\": \"" + reason + "\"}");
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.send();
    }

    @Test
    void showsBothProfilesAndTheEvidenceToReviewersOfTheTwoCountries() {
        var read = api.call("GET", "/api/v1/match-proposals/" + matchId)
                .token(NCP_UA)
                .header("Homeward-Reason", "weekly review")
                .send();

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        var body = read.json();
        assertThat(body.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(body.get("evidence").size()).isPositive();
        assertThat(body.get("evidence").get(0).get("sentence").asString()).isNotBlank();
        var sides = java.util.List.of(body.get("left"), body.get("right"));
        assertThat(sides)
                .extracting(side -> side.get("profile")
                        .get("names")
                        .get(0)
                        .get("givenNames")
                        .asString())
                .containsExactlyInAnyOrder(
                        report.names().getFirst(), registration.names().getFirst());
        assertThat(get(NCP_PL).status()).isEqualTo(200);

        var audited = mongo.getCollection("auditTrail")
                .find(new Document("country", "UA")
                        .append(
                                "resourceId",
                                new Document(
                                        "$in", java.util.List.of(matchId, report.recordId(), registration.recordId()))))
                .into(new java.util.ArrayList<>());
        assertThat(audited)
                .extracting(entry -> entry.getString("resourceId"))
                .containsExactlyInAnyOrder(matchId, report.recordId(), registration.recordId());
        assertThat(audited).allSatisfy(entry -> {
            assertThat(entry.getString("action")).isEqualTo("READ");
            assertThat(entry.getString("reason")).isEqualTo("weekly review");
        });
    }

    @Test
    void hidesTheProposalFromOtherCountriesAndOtherRoles() {
        var other = get(NCP_DE);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("type").asString()).endsWith("/match-proposal-not-found");
        assertThat(get(TestTokens.caseworker("UA")).status()).isEqualTo(403);

        var listedForGermany = api.call("GET", "/api/v1/match-proposals?size=100")
                .token(NCP_DE)
                .send()
                .json();
        assertThat(listedForGermany
                        .get("items")
                        .valueStream()
                        .map(item -> item.get("id").asString()))
                .doesNotContain(matchId);
        var listedForPoland = api.call("GET", "/api/v1/match-proposals?status=PROPOSED&country=UA&size=100")
                .token(NCP_PL)
                .send()
                .json();
        assertThat(listedForPoland
                        .get("items")
                        .valueStream()
                        .map(item -> item.get("id").asString()))
                .contains(matchId);
        assertThat(listedForPoland.get("items").toString())
                .doesNotContain(registration.names().getFirst());
    }

    @Test
    void confirmsOnlyWithTheRevisionTheReviewerSaw() {
        assertThat(decide("confirmation", NCP_UA, null, "same child").status()).isEqualTo(428);
        assertThat(decide("confirmation", NCP_UA, "\"7\"", "same child").status())
                .isEqualTo(412);
        var blank = decide("confirmation", NCP_UA, "\"1\"", " ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(decide("confirmation", TestTokens.caseworker("UA"), "\"1\"", "same child")
                        .status())
                .isEqualTo(403);
        assertThat(decide("confirmation", NCP_DE, "\"1\"", "same child").status())
                .isEqualTo(404);

        var confirmed = decide("confirmation", NCP_UA, "\"1\"", "same child");

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.header("ETag")).isEqualTo("\"2\"");
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        var event = matches.await(MatchConfirmed.class, report.recordId()).getFirst();
        assertThat(event.getReviewer().getCountry()).isEqualTo("UA");
        assertThat(event.getReason()).isEqualTo("same child");
        assertThat(event.getMetadata().getSequence()).isEqualTo(2L);
        var again = decide("rejection", NCP_PL, "\"2\"", "changed my mind");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/illegal-transition");
    }

    @Test
    void refusesADecisionOnAProposalThatChangedMeanwhile() {
        var seen = get(NCP_PL).header("ETag");

        var updated = registries.publish("PL", registration.sex(Sex.MALE).updated());
        Registries.awaitConsumed(GROUP, updated);

        var stale = decide("rejection", NCP_PL, seen, "different child");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(get(NCP_PL).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void proposesARejectedPairAgainOnlyWhenNewEvidenceRaisesItsScore() {
        // A registration with a wrongly recorded sex, rejected on that evidence.
        Registries.awaitConsumed(
                GROUP, registries.publish("PL", registration.sex(Sex.MALE).updated()));
        assertThat(decide("rejection", NCP_PL, "\"2\"", "different child").status())
                .isEqualTo(200);
        matches.await(MatchRejected.class, report.recordId());

        Registries.awaitConsumed(GROUP, registries.publish("PL", registration.updated()));
        assertThat(matches.of(MatchProposed.class, report.recordId())).hasSize(2);
        assertThat(get(NCP_PL).json().get("status").asString()).isEqualTo("REJECTED");

        registries.publish("PL", registration.sex(Sex.FEMALE).updated());

        var proposedAgain = org.awaitility.Awaitility.await()
                .until(() -> matches.of(MatchProposed.class, report.recordId()), found -> found.size() == 3)
                .getLast();
        assertThat(proposedAgain.getMetadata().getSequence()).isEqualTo(4L);
        assertThat(get(NCP_PL).json().get("status").asString()).isEqualTo("PROPOSED");
    }
}
