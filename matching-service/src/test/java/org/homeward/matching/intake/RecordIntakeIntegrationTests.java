package org.homeward.matching.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.matching.RecordEvents.aMissingReport;
import static org.homeward.matching.RecordEvents.aRegistration;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bson.Document;
import org.homeward.contracts.ContractCatalogue;
import org.homeward.contracts.Topics;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.matching.MatchRetracted;
import org.homeward.contracts.matching.RetractionCause;
import org.homeward.matching.MatchEvents;
import org.homeward.matching.RecordEvents;
import org.homeward.matching.Registries;
import org.homeward.platform.testing.KafkaTestConsumer;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** From record events on the registries' topics to match events on the matches topic, through a real broker. */
@SpringBootTest(
        properties = {
            "homeward.matching.intake.group-id=" + RecordIntakeIntegrationTests.GROUP,
            "homeward.matching.intake.topic-discovery-interval=500ms"
        })
@RealServers
@Import(TestSecurityConfiguration.class)
// Closed after the class: a context left running would keep consuming the shared topics and publish proposals too.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RecordIntakeIntegrationTests {

    static final String GROUP = "matching-intake-tests";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    Registries registries;
    MatchEvents matches;

    @BeforeEach
    void open() {
        registries = new Registries();
        matches = new MatchEvents();
    }

    @AfterEach
    void close() {
        registries.close();
        matches.close();
    }

    /**
     * A missing report filed in Ukraine in Cyrillic, and the same girl registered in Poland in Polish spelling. Each
     * test uses a child of its own, so that records of one test never match those of another.
     */
    private static RecordEvents[] aUkrainianReportAndAPolishRegistration(
            String givenCyrillic, String familyCyrillic, String givenPolish, String familyPolish, int bornInYear) {
        var report = aMissingReport("UA").named(givenCyrillic, familyCyrillic).bornOn(bornInYear, 3, 14);
        var registration = aRegistration("PL").named(givenPolish, familyPolish).bornOn(bornInYear, 3, 14);
        return new RecordEvents[] {report, registration};
    }

    @Test
    void proposesAMissingReportInCyrillicAndARegistrationInPolishSpelling() {
        var pair = aUkrainianReportAndAPolishRegistration("Зоряна", "Вітрученко", "Zorjana", "Witruczenko", 2015);
        pair[0].bornIn("Харків").mother("Орися", "Вітрученко").father("Тарас", "Вітрученко");
        pair[1].bornIn("Charków").mother("Orysia", "Witruczenko").father("Taras", "Witruczenko");
        registries.publish("UA", pair[0].registered());
        var last = registries.publish("PL", pair[1].registered());

        var proposed = matches.await(MatchProposed.class, pair[0].recordId(), pair[1].recordId());
        Registries.awaitConsumed(GROUP, last);

        assertThat(proposed).singleElement().satisfies(event -> {
            var ids = java.util.stream.Stream.of(pair[0].recordId(), pair[1].recordId())
                    .sorted()
                    .toList();
            assertThat(event.getLeft().getRecordId()).hasToString(ids.get(0));
            assertThat(event.getRight().getRecordId()).hasToString(ids.get(1));
            assertThat(event.getMatchId().toString())
                    .isEqualTo(org.homeward.matching.proposals.MatchProposal.idOf(ids.get(1), ids.get(0)))
                    .isEqualTo(MatchEvents.matchIdOf(event));
            assertThat(event.getDecision()).isEqualTo(MatchDecision.MATCH);
            assertThat(event.getEvidence())
                    .extracting(evidence -> evidence.getField())
                    .contains("GIVEN_NAME", "FAMILY_NAME", "BIRTH_DATE", "BIRTH_PLACE", "MOTHER_NAME");
            assertThat(event.getMetadata().getSequence()).isEqualTo(1L);
            assertThat(event.getMetadata().getSchemaVersion())
                    .isEqualTo(ContractCatalogue.standard()
                            .contract(MatchProposed.class)
                            .version());
            assertThat(event.getModelVersion()).isEqualTo("1");
        });
        assertThat(mongo.getCollection("matchProposals").countDocuments(new Document("recordIds", pair[0].recordId())))
                .isEqualTo(1);
        assertThat(meters.get("homeward.matching.proposal.latency").timer().count())
                .isPositive();
    }

    @Test
    void keepsTwinsRegisteredTogetherApart() {
        var twin = aRegistration("DE")
                .named("Testyna", "Mokrenko")
                .bornOn(2010, 8, 30)
                .bornIn("Poltawa")
                .mother("Dummia", "Mokrenko")
                .father("Fiktor", "Mokrenko");
        var sister = aRegistration("DE")
                .named("Probyna", "Mokrenko")
                .bornOn(2010, 8, 30)
                .bornIn("Poltawa")
                .mother("Dummia", "Mokrenko")
                .father("Fiktor", "Mokrenko");
        var report = aMissingReport("UA")
                .named("Тестина", "Мокренко")
                .bornIn("Полтава")
                .bornOn(2010, 8, 30);

        var published = new org.apache.kafka.clients.producer.RecordMetadata[] {
            registries.publish("DE", twin.registered()),
            registries.publish("DE", sister.registered()),
            registries.publish("UA", report.registered())
        };
        Registries.awaitConsumed(GROUP, published);

        // The pipeline saw the twins (the report finds one of them), but proposes nothing between them.
        assertThat(matches.await(MatchProposed.class, report.recordId()))
                .anySatisfy(event -> assertThat(event.getDecision()).isEqualTo(MatchDecision.MATCH));
        var betweenTwins = org.homeward.matching.proposals.MatchProposal.idOf(twin.recordId(), sister.recordId());
        assertThat(matches.of(MatchProposed.class, twin.recordId(), sister.recordId()))
                .noneMatch(event -> event.getMatchId().toString().equals(betweenTwins));
        assertThat(mongo.getCollection("matchProposals").countDocuments(new Document("_id", betweenTwins)))
                .isZero();
    }

    @Test
    void countsTheFirstEventOfARecordApartFromLaterOnes() {
        var record = aRegistration("PL").named("Firstyna", "Countenko");
        var registered = counted("ChildRecordRegistered", "first");
        var updated = counted("ChildRecordUpdated", "applied");
        var repeated = counted("ChildRecordRegistered", "repeated");

        var registration = record.registered();
        registries.publish("PL", registration);
        registries.publish("PL", registration);
        Registries.awaitConsumed(GROUP, registries.publish("PL", record.updated()));

        assertThat(counted("ChildRecordRegistered", "first")).isEqualTo(registered + 1);
        assertThat(counted("ChildRecordRegistered", "repeated")).isEqualTo(repeated + 1);
        assertThat(counted("ChildRecordUpdated", "applied")).isEqualTo(updated + 1);
    }

    private double counted(String contract, String outcome) {
        var counter = meters.find("homeward.matching.record.events")
                .tag("contract", contract)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void reScoresOnUpdateAndEmitsNothingWhenTheScoreStaysTheSame() {
        var pair = aUkrainianReportAndAPolishRegistration("Оксана", "Тестенко", "Oksana", "Testenko", 2014);
        registries.publish("UA", pair[0].registered());
        registries.publish("PL", pair[1].registered());
        var first = matches.await(MatchProposed.class, pair[0].recordId()).getFirst();

        var sameContent = registries.publish("PL", pair[1].updated());
        Registries.awaitConsumed(GROUP, sameContent);
        assertThat(matches.of(MatchProposed.class, pair[0].recordId())).hasSize(1);

        pair[1].sex(org.homeward.contracts.childrecord.Sex.MALE);
        registries.publish("PL", pair[1].updated());
        var rescored = await().atMost(Duration.ofSeconds(30))
                .until(() -> matches.of(MatchProposed.class, pair[0].recordId()), found -> found.size() == 2)
                .getLast();

        assertThat(rescored.getMatchId()).isEqualTo(first.getMatchId());
        assertThat(rescored.getScore()).isLessThan(first.getScore());
        assertThat(rescored.getMetadata().getSequence()).isEqualTo(2L);
    }

    @Test
    void retractsWhenAnUpdateTakesTheScoreBelowTheReviewThreshold() {
        var pair = aUkrainianReportAndAPolishRegistration("Мирослава", "Синтенко", "Myrosława", "Syntenko", 2013);
        registries.publish("UA", pair[0].registered());
        registries.publish("PL", pair[1].registered());
        matches.await(MatchProposed.class, pair[0].recordId());

        pair[1].named("Bohdan", "Dumenko")
                .sex(org.homeward.contracts.childrecord.Sex.MALE)
                .bornOn(2009, 11, 2)
                .bornIn("Odesa");
        registries.publish("PL", pair[1].updated());

        var retracted = matches.await(MatchRetracted.class, pair[0].recordId());
        assertThat(retracted)
                .singleElement()
                .satisfies(event -> assertThat(event.getCause()).isEqualTo(RetractionCause.SCORE_BELOW_THRESHOLD));
    }

    @Test
    void retractsAndForgetsTheEvidenceOfAnErasedRecord() {
        var pair = aUkrainianReportAndAPolishRegistration("Дарина", "Фіктенко", "Daryna", "Fiktenko", 2012);
        registries.publish("UA", pair[0].registered());
        registries.publish("PL", pair[1].registered());
        var proposed = matches.await(MatchProposed.class, pair[0].recordId()).getFirst();

        registries.publish("PL", pair[1].erased());

        var retracted = matches.await(MatchRetracted.class, pair[0].recordId());
        assertThat(retracted)
                .singleElement()
                .satisfies(event -> assertThat(event.getCause()).isEqualTo(RetractionCause.RECORD_ERASED));
        var stored = mongo.getCollection("matchProposals")
                .find(new Document("_id", proposed.getMatchId().toString()))
                .first();
        assertThat(stored.getString("status")).isEqualTo("RETRACTED");
        assertThat(stored.getList("evidence", Document.class)).isEmpty();
        var tombstone = mongo.getCollection("candidateProfiles")
                .find(new Document("_id", pair[1].recordId()))
                .first();
        assertThat(tombstone.toJson()).doesNotContain("Fiktenko").doesNotContain("Daryna");
    }

    @Test
    void sendsPoisonMessagesToTheDeadLetterTopicAndCarriesOn() {
        var poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
        try (var deadLetters = KafkaTestConsumer.fromNow(Topics.MATCHING_DEAD_LETTER)) {
            registries.send(Topics.registryRecords("UA"), "poison-key", poison);

            var dead = await().atMost(Duration.ofSeconds(30))
                    .until(
                            deadLetters::poll,
                            found -> found.stream().anyMatch(record -> "poison-key".equals(record.key())));
            var letter = dead.stream()
                    .filter(record -> "poison-key".equals(record.key()))
                    .findFirst()
                    .orElseThrow();
            assertThat(letter.value()).isEqualTo(poison);
            assertThat(letter.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            assertThat(letter.headers().lastHeader("kafka_dlt-original-topic").value())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo(Topics.registryRecords("UA"));
        }

        var pair = aUkrainianReportAndAPolishRegistration("Соломія", "Пробенко", "Solomija", "Probenko", 2011);
        registries.publish("UA", pair[0].registered());
        registries.publish("PL", pair[1].registered());
        assertThat(matches.await(MatchProposed.class, pair[0].recordId())).hasSize(1);
    }

    @Test
    void readsTheTopicOfACountryThatJoinedAfterStartUp() {
        var report = aMissingReport("UA").named("Ярина", "Макетенко").bornOn(2016, 1, 22);
        var registration = aRegistration("LT").named("Jaryna", "Maketenko").bornOn(2016, 1, 22);
        registries.publish("UA", report.registered());
        registries.publish("LT", registration.registered());

        assertThat(matches.await(MatchProposed.class, registration.recordId()))
                .anySatisfy(event -> assertThat(
                                event.getLeft().getCountry() + event.getRight().getCountry())
                        .contains("LT")
                        .contains("UA"));
    }
}
