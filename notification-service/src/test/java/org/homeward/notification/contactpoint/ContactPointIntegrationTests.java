package org.homeward.notification.contactpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.notification.ContactPointRequests.anAgency;
import static org.homeward.notification.ContactPointRequests.anNcp;

import java.util.List;
import org.homeward.notification.ContactPointRequests;
import org.homeward.notification.TestSetup;
import org.homeward.platform.audit.AuditTrail;
import org.homeward.platform.security.Role;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "homeward.notification.allow-insecure-webhooks=false")
@RealServers
@Import(TestSecurityConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ContactPointIntegrationTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSetup.properties(ContactPointIntegrationTests.class).forEach((name, value) -> {
            if (!name.equals("homeward.notification.allow-insecure-webhooks")) {
                registry.add(name, () -> value);
            }
        });
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ServiceApi api;

    @BeforeEach
    void open() {
        api = new ServiceApi(port);
    }

    private ServiceApi.Response create(String token, ContactPointRequests request) {
        return api.call("POST", "/api/v1/contact-points")
                .token(token)
                .json(request.json())
                .send();
    }

    private static List<String> badFields(ServiceApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json()
                .get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }

    @Test
    void createsAContactPointAndShowsItsWebhookSecretOnce() {
        var created = create(
                TestTokens.supervisor("PL"),
                anNcp("PL")
                        .webhook("https://partner.example.org/hooks/homeward")
                        .inbox("ncp-pl-1"));

        assertThat(created.status()).isEqualTo(201);
        var id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/contact-points/" + id);
        assertThat(created.json().get("webhookSecret").asString())
                .startsWith("whsec_")
                .hasSizeGreaterThan(40);
        assertThat(created.json().get("channels").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("EMAIL", "WEBHOOK", "IN_APP");

        var read = api.call("GET", "/api/v1/contact-points/" + id)
                .token(TestTokens.ncp("PL"))
                .send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("webhook").get("url").asString())
                .isEqualTo("https://partner.example.org/hooks/homeward");
        assertThat(read.body()).doesNotContain("whsec_");

        var audited = mongo.getCollection(AuditTrail.COLLECTION)
                .find(new org.bson.Document("resourceId", id))
                .first();
        assertThat(audited).isNotNull();
        assertThat(audited.getString("resourceType")).isEqualTo("contactPoint");
        assertThat(audited.getString("action")).isEqualTo("CREATE");
        assertThat(audited.getString("subject")).isEqualTo("supervisor-pl-1");
    }

    @Test
    void namesEveryBadFieldWithoutItsValue() {
        var response = create(
                TestTokens.supervisor("PL"),
                anNcp("PL")
                        .with("country", "XX")
                        .inLanguage("xx-!!")
                        .webhook("http://partner.example.org/hooks")
                        .workingHours("Mars/Olympus", List.of("MONDAY"), "17:00", "08:00"));

        assertThat(badFields(response))
                .containsExactlyInAnyOrder(
                        "country", "language", "webhook.url", "workingHours.timeZone", "workingHours.to");
        assertThat(response.body()).doesNotContain("partner.example.org").doesNotContain("Mars");
    }

    @Test
    void rejectsABadEmailAddress() {
        var response = create(TestTokens.supervisor("PL"), anNcp("PL").emails("ncp@pl.ncp.test", "not-an-address"));

        assertThat(badFields(response)).containsExactly("emails[1]");
        assertThat(response.body()).doesNotContain("not-an-address");
    }

    @Test
    void rejectsAnInsecureWebhookOutsideTheDevstack() {
        assertThat(badFields(create(TestTokens.supervisor("PL"), anNcp("PL").webhook("http://127.0.0.1:9/hooks"))))
                .containsExactly("webhook.url");
    }

    @Test
    void rejectsAnUnknownCountryCode() {
        var response = create(TestTokens.supervisor("PL"), anNcp("PL").with("country", "ZZ"));
        assertThat(badFields(response)).containsExactly("country");
    }

    @Test
    void requiresAnAgencyIdForAnAgencyAndAnExistingEscalationContact() {
        var response = create(
                TestTokens.supervisor("PL"),
                anNcp("PL").with("kind", "AGENCY").escalatingTo("00000000-0000-0000-0000-000000000000", "PT30M"));
        assertThat(badFields(response)).containsExactlyInAnyOrder("agencyId", "escalation.contactPointId");
    }

    @Test
    void letsOnlyTheSupervisorOrNcpOfTheCountryManageIt() {
        assertThat(create(TestTokens.caseworker("PL"), anNcp("PL")).status()).isEqualTo(403);
        assertThat(create(TestTokens.auditor("PL"), anNcp("PL")).status()).isEqualTo(403);
        assertThat(create(TestTokens.supervisor("UA"), anNcp("PL")).status()).isEqualTo(403);
        assertThat(create(TestTokens.forged("PL", Role.SUPERVISOR), anNcp("PL")).status())
                .isEqualTo(401);

        var id = create(TestTokens.ncp("PL"), anAgency("PL", "AG-1"))
                .json()
                .get("id")
                .asString();
        // Another country's contact point does not exist, as far as the caller can tell.
        assertThat(api.call("GET", "/api/v1/contact-points/" + id)
                        .token(TestTokens.supervisor("UA"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/contact-points/" + id)
                        .token(TestTokens.ncp("UA"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/contact-points/" + id)
                        .token(TestTokens.caseworker("PL"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.call("GET", "/api/v1/contact-points")
                        .token(TestTokens.supervisor("UA"))
                        .send()
                        .json()
                        .valueStream()
                        .map(point -> point.get("id").asString()))
                .doesNotContain(id);
    }

    @Test
    void updatesWithIfMatchOnly() {
        var created = create(TestTokens.supervisor("PL"), anNcp("PL"));
        var id = created.json().get("id").asString();
        var path = "/api/v1/contact-points/" + id;
        var change = anNcp("PL").named("Synthetic NCP renamed").inLanguage("pl");

        assertThat(api.call("PUT", path)
                        .token(TestTokens.supervisor("PL"))
                        .json(change.json())
                        .send()
                        .status())
                .isEqualTo(428);
        var updated = api.call("PUT", path)
                .token(TestTokens.supervisor("PL"))
                .header("If-Match", "\"0\"")
                .json(change.json())
                .send();
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Synthetic NCP renamed");
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        var stale = api.call("PUT", path)
                .token(TestTokens.supervisor("PL"))
                .header("If-Match", "\"0\"")
                .json(change.json())
                .send();
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void refusesToDeleteAnEscalationTargetStillInUse() {
        var target = create(TestTokens.supervisor("PL"), anAgency("PL", "MINISTRY"))
                .json()
                .get("id")
                .asString();
        var source = create(TestTokens.supervisor("PL"), anNcp("PL").escalatingTo(target, "PT30M"))
                .json()
                .get("id")
                .asString();

        assertThat(api.call("DELETE", "/api/v1/contact-points/" + target)
                        .token(TestTokens.supervisor("PL"))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.call("DELETE", "/api/v1/contact-points/" + source)
                        .token(TestTokens.supervisor("PL"))
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.call("DELETE", "/api/v1/contact-points/" + target)
                        .token(TestTokens.supervisor("PL"))
                        .send()
                        .status())
                .isEqualTo(204);
    }
}
