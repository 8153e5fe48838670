package org.homeward.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.matching.RecordEvents.aMissingReport;
import static org.homeward.matching.RecordEvents.aRegistration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.homeward.contracts.childrecord.Sex;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.matching.proposals.MatchProposal;
import org.homeward.platform.testing.EmbeddedServers;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service is stopped in the middle of a stream of record events and started again: every true pair is proposed,
 * and nothing is proposed twice.
 *
 * <p>"Doubles nothing" means: per pair exactly one MatchProposed event id (consumers dedupe by event id, so a
 * relay's redelivery of the same event id would be harmless, but a second proposal with a new id would reach a
 * reviewer twice), one proposal document, one stored profile per record; and events delivered again after the
 * restart (same event ids, as a registry's relay re-sends after a crash) change nothing.
 */
class MatchingRestartIntegrationTests {

    private static final String GROUP = "matching-restart-tests";
    private static final String DATABASE = "matchingrestarttests";

    /** Ten children, each reported missing in Ukraine (Cyrillic) and registered in Poland (Polish spelling). */
    private static final String[][] CHILDREN = {
        {"Зоряна", "Лічбенко", "Zorjana", "Liczbenko", "F"},
        {"Оксана", "Думенко", "Oksana", "Dumenko", "F"},
        {"Дарина", "Зразченко", "Daryna", "Zrazczenko", "F"},
        {"Соломія", "Вигаденко", "Solomija", "Wyhadenko", "F"},
        {"Ярина", "Штученко", "Jaryna", "Sztuczenko", "F"},
        {"Богдан", "Уявенко", "Bohdan", "Ujawenko", "M"},
        {"Тарас", "Примаренко", "Taras", "Prymarenko", "M"},
        {"Остап", "Казченко", "Ostap", "Kazczenko", "M"},
        {"Назар", "Мрієнко", "Nazar", "Mrijenko", "M"},
        {"Олеся", "Химеренко", "Olesia", "Chymerenko", "F"}
    };

    private final List<RecordEvents> reports = new ArrayList<>();
    private final List<RecordEvents> registrations = new ArrayList<>();
    private Registries registries;
    private MatchEvents matches;
    private ConfigurableApplicationContext service;

    @BeforeEach
    void children() {
        for (int i = 0; i < CHILDREN.length; i++) {
            var child = CHILDREN[i];
            var sex = child[4].equals("F") ? Sex.FEMALE : Sex.MALE;
            reports.add(aMissingReport("UA").named(child[0], child[1]).sex(sex).bornOn(2005 + i, 1 + i, 10 + i));
            registrations.add(
                    aRegistration("PL").named(child[2], child[3]).sex(sex).bornOn(2005 + i, 1 + i, 10 + i));
        }
        registries = new Registries();
        matches = new MatchEvents();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        registries.close();
        matches.close();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MatchingApplication.class, TestSecurityConfiguration.class)
                // Arguments, not default properties: they must win over application.yaml.
                .run(
                        "--spring.kafka.bootstrap-servers=" + EmbeddedServers.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + EmbeddedServers.mongoUri(DATABASE),
                        "--spring.mongodb.database=" + DATABASE,
                        "--server.port=0",
                        "--homeward.matching.intake.group-id=" + GROUP,
                        "--homeward.matching.intake.topic-discovery-interval=500ms");
    }

    private long storedProposals(MongoTemplate mongo) {
        return ids().stream()
                .map(id -> mongo.getCollection("matchProposals").find(new Document("recordIds", id)))
                .flatMap(found -> found.into(new ArrayList<>()).stream())
                .map(document -> document.getString("_id"))
                .distinct()
                .count();
    }

    private List<String> ids() {
        var ids = new ArrayList<String>();
        reports.forEach(report -> ids.add(report.recordId()));
        registrations.forEach(registration -> ids.add(registration.recordId()));
        return ids;
    }

    @Test
    void losesAndDoublesNothingWhenStoppedMidStream() {
        service = start();
        var mongo = service.getBean(MongoTemplate.class);
        var firstHalf = new ArrayList<SpecificRecord>();
        for (int i = 0; i < CHILDREN.length; i++) {
            var report = reports.get(i).registered();
            firstHalf.add(report);
            registries.publish("UA", report);
            if (i < CHILDREN.length / 2) {
                var registration = registrations.get(i).registered();
                firstHalf.add(registration);
                registries.publish("PL", registration);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> storedProposals(mongo) >= 1);
        service.close();
        service = null;

        for (int i = CHILDREN.length / 2; i < CHILDREN.length; i++) {
            registries.publish("PL", registrations.get(i).registered());
        }
        service = start();
        var restarted = service.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> storedProposals(restarted) == CHILDREN.length);
        var redelivered = firstHalf.subList(0, 4).stream()
                .map(event -> registries.publish(
                        event instanceof org.homeward.contracts.childrecord.ChildRecordRegistered registered
                                        && registered
                                                .getProfile()
                                                .getOwner()
                                                .getCountry()
                                                .equals("PL")
                                ? "PL"
                                : "UA",
                        event))
                .toArray(RecordMetadata[]::new);
        Registries.awaitConsumed(GROUP, redelivered);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> restarted
                                .getCollection("matchProposals")
                                .countDocuments(new Document("outbox.0", new Document("$exists", true)))
                        == 0);

        var expected = new ArrayList<String>();
        for (int i = 0; i < CHILDREN.length; i++) {
            expected.add(MatchProposal.idOf(
                    reports.get(i).recordId(), registrations.get(i).recordId()));
        }
        var proposed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> matches.of(MatchProposed.class, ids().toArray(String[]::new)),
                        found -> found.stream()
                                        .map(event -> event.getMatchId().toString())
                                        .collect(Collectors.toSet())
                                        .size()
                                >= CHILDREN.length);
        assertThat(proposed)
                .extracting(event -> event.getMatchId().toString())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(proposed)
                .extracting(event -> event.getMetadata().getEventId())
                .doesNotHaveDuplicates();
        assertThat(storedProposals(restarted)).isEqualTo(CHILDREN.length);
        assertThat(restarted
                        .getCollection("candidateProfiles")
                        .countDocuments(new Document("_id", new Document("$in", ids()))))
                .isEqualTo(2L * CHILDREN.length);
        assertThat(Set.copyOf(expected)).hasSize(CHILDREN.length);
    }
}
