package org.homeward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.matching.MatchProposed;
import org.junit.jupiter.api.Test;

class ContractCatalogueTests {

    private final ContractCatalogue catalogue = ContractCatalogue.standard();

    @Test
    void listsEveryEventRecordWrittenInTheSources() {
        List<String> events = SourceSchemas.byFullName().values().stream()
                .filter(schema -> schema.getType() == Schema.Type.RECORD)
                .filter(schema -> schema.getField("metadata") != null)
                .map(Schema::getFullName)
                .toList();

        assertThat(catalogue.contracts()).extracting(Contract::name).containsExactlyInAnyOrderElementsOf(events);
        assertThat(catalogue.contracts()).hasSize(12);
    }

    @Test
    void sendsEachAreaOnItsTopicFamily() {
        for (Contract contract : catalogue.contracts()) {
            TopicFamily expected = switch (contract.schema().getNamespace()) {
                case "org.homeward.contracts.childrecord" -> TopicFamily.REGISTRY_RECORDS;
                case "org.homeward.contracts.matching" -> TopicFamily.MATCHES;
                case "org.homeward.contracts.notification" -> TopicFamily.NOTIFICATIONS;
                default -> throw new AssertionError("unexpected namespace of " + contract.name());
            };
            assertThat(contract.topicFamily()).as(contract.name()).isEqualTo(expected);
        }
    }

    @Test
    void keysRecordEventsByRecordIdMatchEventsByMatchIdAndNotificationsByNotificationId() {
        for (SpecificRecord event : SampleEvents.oneOfEachContract()) {
            String expected = switch (catalogue.contract(event.getClass()).topicFamily()) {
                case REGISTRY_RECORDS -> SampleEvents.RECORD_ID.toString();
                case MATCHES -> SampleEvents.MATCH_ID.toString();
                case NOTIFICATIONS -> SampleEvents.NOTIFICATION_ID.toString();
                default -> throw new AssertionError("no contract travels on dead-letter topics");
            };
            assertThat(catalogue.keyOf(event)).as(event.getSchema().getName()).isEqualTo(expected);
        }
    }

    @Test
    void readsTheMetadataOfEveryEvent() {
        for (SpecificRecord event : SampleEvents.oneOfEachContract()) {
            assertThat(catalogue.metadataOf(event).getOccurredAt()).isEqualTo(SampleEvents.OCCURRED_AT);
        }
    }

    @Test
    void findsAContractByTheFingerprintOfItsCurrentAndReleasedSchemas() {
        Contract proposed = catalogue.contract(MatchProposed.class);
        long released = SchemaNormalization.parsingFingerprint64(
                proposed.releases().firstEntry().getValue());

        assertThat(catalogue.byFingerprint(proposed.fingerprint())).contains(proposed);
        assertThat(catalogue.byFingerprint(released)).contains(proposed);
        assertThat(catalogue.writerSchema(released)).isPresent();
        assertThat(catalogue.schemaStore().findByFingerprint(proposed.fingerprint()))
                .isEqualTo(proposed.schema());
        assertThat(catalogue.byFingerprint(42L)).isEmpty();
    }

    @Test
    void loadsTheReleasesShippedWithTheLibrary() {
        for (Contract contract : catalogue.contracts()) {
            assertThat(contract.releases()).as(contract.name()).containsKey(1);
            assertThat(contract.releases().get(1).getFullName()).isEqualTo(contract.name());
        }
    }

    @Test
    void versionIsTheNewestReleaseEqualToTheCurrentSchemaOrTheNextOne() {
        Schema current = ChildRecordRegistered.getClassSchema();
        Schema older = SchemaEdits.withoutField(current, "metadata"); // any schema that differs

        assertThat(ContractCatalogue.of(Map.of(1, List.of(current)))
                        .contract(ChildRecordRegistered.class)
                        .version())
                .isEqualTo(1);
        assertThat(ContractCatalogue.of(Map.of(1, List.of(older)))
                        .contract(ChildRecordRegistered.class)
                        .version())
                .isEqualTo(2);
        assertThat(ContractCatalogue.of(Map.of(1, List.of(older), 2, List.of(current)))
                        .contract(ChildRecordRegistered.class)
                        .version())
                .isEqualTo(2);
        assertThat(ContractCatalogue.of(Map.of())
                        .contract(ChildRecordRegistered.class)
                        .version())
                .isEqualTo(1);
    }

    @Test
    void rejectsAReleasedSchemaThatIsNoContract() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContractCatalogue.of(Map.of(1, List.of(TracingProfile.getClassSchema()))))
                .withMessageContaining("TracingProfile is not a Homeward contract");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContractCatalogue.of(Map.of(0, List.of(MatchProposed.getClassSchema()))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContractCatalogue.of(
                        Map.of(1, List.of(MatchProposed.getClassSchema(), MatchProposed.getClassSchema()))));
    }

    @Test
    void refusesATypeThatIsNoContract() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> catalogue.contract(TracingProfile.class))
                .withMessageContaining("is not a Homeward contract");
        assertThatIllegalArgumentException().isThrownBy(() -> catalogue.keyOf(SampleEvents.profile()));
    }
}
