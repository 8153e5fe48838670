package org.homeward.registry.childrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.registry.childrecord.ChildRecordRequests.aMissingReport;
import static org.homeward.registry.childrecord.ChildRecordRequests.aRegistration;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.ChildRecordClosed;
import org.homeward.contracts.childrecord.ChildRecordErased;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ChildRecordStatusChanged;
import org.homeward.contracts.childrecord.ChildRecordUpdated;
import org.homeward.platform.outbox.OutboxRelay;
import org.homeward.platform.security.Role;
import org.homeward.platform.testing.EmbeddedServers;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.homeward.registry.RecordEvents;
import org.homeward.registry.TestKeysets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "homeward.country=PL")
@RealServers
@Import(TestSecurityConfiguration.class)
class ChildRecordIntegrationTests {

    private static final String CASEWORKER = TestTokens.caseworker("PL");

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        TestKeysets.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ContractCodec codec;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    ServiceApi api;
    RecordEvents events;

    @BeforeEach
    void openApiAndTopic() {
        api = new ServiceApi(port);
        events = new RecordEvents(EmbeddedServers.kafkaBootstrapServers(), Topics.registryRecords("PL"), codec);
    }

    @AfterEach
    void closeTopic() {
        events.close();
        if (!relay.isRunning()) {
            relay.start();
        }
    }

    private ServiceApi.Response register(ChildRecordRequests request) {
        return api.call("POST", "/api/v1/records")
                .token(CASEWORKER)
                .json(request.json())
                .send();
    }

    @Test
    void registersAChildAndPublishesOnlyItsTracingProfile() {
        var response = register(aRegistration().named("Testrin", "Synthenko").alsoSpelled("Тестрін", "Синтенко"));

        assertThat(response.status()).isEqualTo(201);
        var id = response.json().get("id").asString();
        assertThat(response.header("Location")).isEqualTo("/api/v1/records/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(response.json().get("placement").get("type").asString()).isEqualTo("FOSTER_FAMILY");

        var registered = events.await(id, ChildRecordRegistered.class);
        var profile = registered.getProfile();
        assertThat(registered.getMetadata().getSourceCountry()).isEqualTo("PL");
        assertThat(registered.getMetadata().getSequence()).isEqualTo(1L);
        assertThat(profile.getRecordId().toString()).isEqualTo(id);
        assertThat(profile.getNames()).hasSize(2);
        assertThat(profile.getNames().get(1).getScript()).isEqualTo("Cyrl");
        assertThat(profile.getRelatives().getFirst().getName().getGivenNames()).isEqualTo("Mockana");
        assertThat(profile.getOwner().getAgencyId()).isEqualTo("TEST-AGENCY-1");
        assertThat(profile.getDocumentHashes()).singleElement().asString().hasSize(64);

        var wire = new String(events.withKey(id).getFirst().bytes(), StandardCharsets.ISO_8859_1);
        assertThat(wire)
                .doesNotContain("123456")
                .doesNotContain("Fosterhaus")
                .doesNotContain("speech therapist")
                .doesNotContain("mockana@example.org")
                // The phone number, not its digits alone: "380" turns up in random hashes and ids.
                .doesNotContain("+380")
                .doesNotContain("000 0000");
    }

    @Test
    void storesSensitiveFieldsEncrypted() {
        var id = register(aRegistration()).json().get("id").asString();

        var stored = mongo.getCollection("childRecords")
                .find(new org.bson.Document("_id", id))
                .first()
                .toJson();
        assertThat(stored)
                .contains("Synthenko")
                .doesNotContain("123456")
                .doesNotContain("Fosterhaus")
                .doesNotContain("speech therapist")
                .doesNotContain("mockana@example.org");
        var read = api.call("GET", "/api/v1/records/" + id)
                .token(CASEWORKER)
                .send()
                .json();
        assertThat(read.get("documents").get(0).get("number").asString()).isEqualTo("I-TE 123456");
        assertThat(read.get("relatives").get(0).get("contact").get("email").asString())
                .isEqualTo("mockana@example.org");
    }

    @Test
    void storesNothingForAValueOfTheWrongType() {
        long before = mongo.getCollection("childRecords").countDocuments();

        var response = register(aRegistration().with("sex", "M").with("vulnerabilityNotes", "Synthetic-secret-note"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response.json())).containsExactly("sex");
        assertThat(response.body()).doesNotContain("Synthetic-secret-note");
        assertThat(mongo.getCollection("childRecords").countDocuments()).isEqualTo(before);
    }

    @Test
    void namesEachFieldBeanValidationRejects() {
        var response = register(aRegistration()
                .with("nationalities", List.of("Ukraine"))
                .with("birthPlace", java.util.Map.of("name", ""))
                .without("agencyId"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json()))
                .contains("agencyId", "birthPlace.name")
                .anyMatch(field -> field.startsWith("nationalities"));
        assertThat(response.body()).doesNotContain("Ukraine");
    }

    @Test
    void namesFieldsThatOnlyTogetherAreWrong() {
        var response = register(aMissingReport()
                .with("birthDate", java.util.Map.of("year", 2016, "month", 2, "day", 30))
                .with("placement", java.util.Map.of("type", "SHELTER"))
                .with("names", List.of(java.util.Map.of("patronymic", "Testovych"))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).contains("birthDate", "placement", "names[0]");
    }

    @Test
    void refusesUnknownFields() {
        var response = register(aRegistration().with("favouriteColour", "blue"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("favouriteColour");
    }

    @Test
    void refusesOversizedPayloads() {
        var response = register(aRegistration().with("vulnerabilityNotes", "x".repeat(200_000)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void createsNothingTwiceForARetriedRequest() {
        var request = aMissingReport().named("Retrina", "Idempotenko");
        var first = api.call("POST", "/api/v1/records")
                .token(CASEWORKER)
                .header("Idempotency-Key", "retry-test-1")
                .json(request.json())
                .send();
        var retry = api.call("POST", "/api/v1/records")
                .token(CASEWORKER)
                .header("Idempotency-Key", "retry-test-1")
                .json(request.json())
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        var id = first.json().get("id").asString();
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        events.await(id, ChildRecordRegistered.class);
        assertThat(events.withKey(id)).hasSize(1);

        var different = api.call("POST", "/api/v1/records")
                .token(CASEWORKER)
                .header("Idempotency-Key", "retry-test-1")
                .json(aMissingReport().named("Other", "Idempotenko").json())
                .send();
        assertThat(different.status()).isEqualTo(422);
    }

    @Test
    void findsANameInAnyScriptAndSpelling() {
        int year = 2011;
        var cyrillic = register(aMissingReport().named("Тестанна", "Шевченко").bornIn(year))
                .json()
                .get("id")
                .asString();
        var polish = register(aRegistration().named("Testanna", "Szewczenko").bornIn(year))
                .json()
                .get("id")
                .asString();
        var english = register(aRegistration().named("Testanna", "Shevchenko").bornIn(year))
                .json()
                .get("id")
                .asString();
        var other = register(aRegistration().named("Testanna", "Savchenko").bornIn(year))
                .json()
                .get("id")
                .asString();

        var found = api.call(
                        "GET",
                        "/api/v1/records?name=%D0%A8%D0%B5%D0%B2%D1%87%D0%B5%D0%BD%D0%BA%D0%BE&birthYear=" + year)
                .token(CASEWORKER)
                .send();

        assertThat(found.status()).isEqualTo(200);
        assertThat(ids(found.json())).contains(cyrillic, polish, english).doesNotContain(other);
        var byKind = api.call("GET", "/api/v1/records?name=Szewczenko&kind=MISSING_REPORT&birthYear=" + year)
                .token(CASEWORKER)
                .send();
        assertThat(ids(byKind.json())).containsExactly(cyrillic);
    }

    @Test
    void pagesSearchResults() {
        for (int i = 0; i < 3; i++) {
            register(aRegistration().named("Pagina", "Paginenko").bornIn(2003));
        }

        var page = api.call("GET", "/api/v1/records?name=Paginenko&size=2&page=1")
                .token(CASEWORKER)
                .send()
                .json();

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void updatesOnlyTheRevisionTheCallerRead() {
        var created = register(aRegistration());
        var id = created.json().get("id").asString();

        var missing = api.call("PUT", "/api/v1/records/" + id)
                .token(CASEWORKER)
                .json(aRegistration().json())
                .send();
        assertThat(missing.status()).isEqualTo(428);

        var updated = api.call("PUT", "/api/v1/records/" + id)
                .token(CASEWORKER)
                .header("If-Match", created.header("ETag"))
                .json(aRegistration().named("Renamed", "Synthenko").json())
                .send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        var event = events.await(id, ChildRecordUpdated.class);
        assertThat(event.getProfile().getNames().getFirst().getGivenNames()).isEqualTo("Renamed");
        assertThat(event.getMetadata().getSequence()).isEqualTo(2L);

        var stale = api.call("PUT", "/api/v1/records/" + id)
                .token(CASEWORKER)
                .header("If-Match", created.header("ETag"))
                .json(aRegistration().named("Lost", "Update").json())
                .send();
        assertThat(stale.status()).isEqualTo(412);
        var read = api.call("GET", "/api/v1/records/" + id)
                .token(CASEWORKER)
                .send()
                .json();
        assertThat(read.get("names").get(0).get("givenNames").asString()).isEqualTo("Renamed");
    }

    @Test
    void refusesToChangeTheKindOfARecord() {
        var created = register(aRegistration());

        var response = api.call(
                        "PUT", "/api/v1/records/" + created.json().get("id").asString())
                .token(CASEWORKER)
                .header("If-Match", created.header("ETag"))
                .json(aMissingReport().json())
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactly("kind");
    }

    @Test
    void movesThroughTheTracingStatusesAndRefusesIllegalMoves() {
        var created = register(aMissingReport());
        var id = created.json().get("id").asString();

        var illegal = changeStatus(id, created.header("ETag"), "{\"status\":\"REUNIFIED\"}");
        assertThat(illegal.status()).isEqualTo(409);

        var pending = changeStatus(id, created.header("ETag"), "{\"status\":\"MATCH_PENDING\"}");
        assertThat(pending.status()).isEqualTo(200);
        var changed = events.await(id, ChildRecordStatusChanged.class);
        assertThat(changed.getPreviousStatus().name()).isEqualTo("OPEN");
        assertThat(changed.getStatus().name()).isEqualTo("MATCH_PENDING");

        var closed = changeStatus(id, pending.header("ETag"), "{\"status\":\"CLOSED\",\"reason\":\"DUPLICATE\"}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(events.await(id, ChildRecordClosed.class).getReason().name()).isEqualTo("DUPLICATE");
    }

    @Test
    void erasesARecordToATombstoneAndTellsOthersToForget() {
        var created = register(aRegistration().named("Erasa", "Forgetenko"));
        var id = created.json().get("id").asString();

        var byCaseworker = api.call("DELETE", "/api/v1/records/" + id)
                .token(CASEWORKER)
                .header("If-Match", created.header("ETag"))
                .send();
        assertThat(byCaseworker.status()).isEqualTo(403);

        var erased = api.call("DELETE", "/api/v1/records/" + id)
                .token(TestTokens.supervisor("PL"))
                .header("If-Match", created.header("ETag"))
                .header("Homeward-Reason", "data subject request DSR-TEST-1")
                .send();
        assertThat(erased.status()).isEqualTo(204);

        assertThat(events.await(id, ChildRecordErased.class).getRecordId().toString())
                .isEqualTo(id);
        assertThat(api.call("GET", "/api/v1/records/" + id)
                        .token(CASEWORKER)
                        .send()
                        .status())
                .isEqualTo(404);
        var tombstone = mongo.getCollection("childRecords")
                .find(new org.bson.Document("_id", id))
                .first()
                .toJson();
        assertThat(tombstone)
                .doesNotContain("Forgetenko")
                .doesNotContain("Erasa")
                .contains("erasedAt");
    }

    @Test
    void publishesAnEventWrittenWhileTheRelayWasDownOnceItRestarts() {
        relay.stop();
        var id = register(aMissingReport().named("Crashina", "Relayenko"))
                .json()
                .get("id")
                .asString();
        assertThat(events.withKey(id)).isEmpty();

        relay.start();

        events.await(id, ChildRecordRegistered.class);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> mongo.getCollection("childRecords")
                        .find(new org.bson.Document("_id", id))
                        .first()
                        .getList("outbox", Object.class)
                        .isEmpty());
        assertThat(events.withKey(id)).hasSize(1);
    }

    @Test
    void requiresAToken() {
        var response = api.call("GET", "/api/v1/records").send();

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void refusesForgedExpiredAndWrongAudienceTokens() {
        for (var token : List.of(
                TestTokens.forged("PL", Role.CASEWORKER),
                TestTokens.expired("PL", Role.CASEWORKER),
                TestTokens.wrongAudience("PL", Role.CASEWORKER))) {
            assertThat(api.call("GET", "/api/v1/records").token(token).send().status())
                    .isEqualTo(401);
        }
    }

    @Test
    void hidesRecordsFromOtherCountries() {
        var id = register(aRegistration()).json().get("id").asString();

        var read = api.call("GET", "/api/v1/records/" + id)
                .token(TestTokens.caseworker("UA"))
                .send();

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
    }

    @Test
    void letsNoOtherCountryWriteHere() {
        var created = register(aRegistration());
        var id = created.json().get("id").asString();

        var create = api.call("POST", "/api/v1/records")
                .token(TestTokens.caseworker("UA"))
                .json(aRegistration().json())
                .send();
        var update = api.call("PUT", "/api/v1/records/" + id)
                .token(TestTokens.caseworker("UA"))
                .header("If-Match", created.header("ETag"))
                .json(aRegistration().json())
                .send();

        assertThat(create.status()).isEqualTo(403);
        assertThat(update.status()).isEqualTo(404);
    }

    @Test
    void letsAnAuditorReadButChangeNothing() {
        var created = register(aRegistration());
        var id = created.json().get("id").asString();
        var auditor = TestTokens.auditor("PL");

        assertThat(api.call("GET", "/api/v1/records/" + id)
                        .token(auditor)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.call("POST", "/api/v1/records")
                        .token(auditor)
                        .json(aRegistration().json())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(changeStatus(id, created.header("ETag"), "{\"status\":\"CLOSED\"}", auditor)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void auditsEveryReadWithWhoAndWhy() {
        var id = register(aRegistration()).json().get("id").asString();
        api.call("GET", "/api/v1/records/" + id)
                .token(TestTokens.ncp("PL"))
                .header("Homeward-Reason", "reviewing proposal TEST-42")
                .send();

        var entries = api.call("GET", "/api/v1/audit-entries?resourceId=" + id)
                .token(TestTokens.auditor("PL"))
                .send();

        assertThat(entries.status()).isEqualTo(200);
        assertThat(entries.body())
                .contains("CREATE")
                .contains("READ")
                .contains("reviewing proposal TEST-42")
                .contains("NCP");
        assertThat(api.call("GET", "/api/v1/audit-entries?resourceId=" + id)
                        .token(CASEWORKER)
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void servesItsOpenApiDocument() {
        var document = api.call("GET", "/v3/api-docs").send();

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").has("/api/v1/records/{id}")).isTrue();
    }

    private ServiceApi.Response changeStatus(String id, String etag, String body) {
        return changeStatus(id, etag, body, CASEWORKER);
    }

    private ServiceApi.Response changeStatus(String id, String etag, String body, String token) {
        return api.call("POST", "/api/v1/records/" + id + "/status")
                .token(token)
                .header("If-Match", etag)
                .json(body)
                .send();
    }

    private static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asString())
                .toList();
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("id").asString())
                .toList();
    }
}
