package org.homeward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.contracts.CompatibilityCheck.Direction.CURRENT_READS_RELEASED;
import static org.homeward.contracts.CompatibilityCheck.Direction.RELEASED_READS_CURRENT;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.homeward.contracts.CompatibilityCheck.Incompatibility;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.contracts.matching.MatchProposed;
import org.junit.jupiter.api.Test;

/**
 * The build-time gate on contract evolution: every current schema and every released version of it must read each
 * other's data. The variants below show the check catches what would break a consumer or producer.
 */
class CompatibilityCheckTests {

    private static final String PROPOSED = MatchProposed.getClassSchema().getFullName();

    @Test
    void everyContractHasAReleasedVersion() {
        assertThat(ContractCatalogue.standard().contracts())
                .filteredOn(contract -> contract.releases().isEmpty())
                .extracting(Contract::name)
                .as("contracts never released: run ReleaseContracts (see schemas/README.md)")
                .isEmpty();
    }

    @Test
    void currentContractsAndEveryReleaseReadEachOthersDataBothWays() {
        List<Incompatibility> incompatibilities = CompatibilityCheck.check(ContractCatalogue.standard());

        assertThat(incompatibilities)
                .as("incompatible contract changes; add fields with defaults instead, or start a new topic version")
                .isEmpty();
    }

    @Test
    void catchesANewFieldWithoutDefaultWhichCannotReadOlderData() {
        Schema released = releasedProposed();
        Schema current = SchemaEdits.withField(
                released, new Schema.Field("reviewDeadline", Schema.create(Schema.Type.LONG), "no default"));

        List<Incompatibility> found = CompatibilityCheck.compare(PROPOSED, 1, current, released);

        assertThat(found).singleElement().satisfies(incompatibility -> {
            assertThat(incompatibility.contract()).isEqualTo(PROPOSED);
            assertThat(incompatibility.releasedVersion()).isEqualTo(1);
            assertThat(incompatibility.direction()).isEqualTo(CURRENT_READS_RELEASED);
            assertThat(incompatibility.detail())
                    .contains("READER_FIELD_MISSING_DEFAULT")
                    .contains("reviewDeadline");
            assertThat(incompatibility.toString())
                    .contains(PROPOSED)
                    .contains("released v1")
                    .contains("CURRENT_READS_RELEASED");
        });
    }

    @Test
    void catchesARemovedFieldWithoutDefaultWhichOlderReadersStillNeed() {
        Schema released = releasedProposed();
        Schema current = SchemaEdits.withoutField(released, "modelVersion");

        assertThat(CompatibilityCheck.compare(PROPOSED, 1, current, released))
                .singleElement()
                .satisfies(incompatibility -> {
                    assertThat(incompatibility.direction()).isEqualTo(RELEASED_READS_CURRENT);
                    assertThat(incompatibility.detail()).contains("modelVersion");
                });
    }

    @Test
    void catchesATypeChangeInBothDirections() {
        Schema released = releasedProposed();
        Schema current = SchemaEdits.withFieldType(released, "score", Schema.create(Schema.Type.STRING));

        assertThat(CompatibilityCheck.compare(PROPOSED, 1, current, released))
                .extracting(Incompatibility::direction)
                .containsExactlyInAnyOrder(CURRENT_READS_RELEASED, RELEASED_READS_CURRENT);
    }

    @Test
    void catchesARemovedEnumSymbolWhenTheEnumHasNoDefault() {
        Schema released = releasedProposed();
        Schema current = SchemaEdits.withFieldType(
                released, "decision", SchemaEdits.enumWithout(MatchDecision.getClassSchema(), "POSSIBLE", null));

        assertThat(CompatibilityCheck.compare(PROPOSED, 1, current, released))
                .singleElement()
                .satisfies(incompatibility -> {
                    assertThat(incompatibility.direction()).isEqualTo(CURRENT_READS_RELEASED);
                    assertThat(incompatibility.detail())
                            .contains("MISSING_ENUM_SYMBOLS")
                            .contains("POSSIBLE");
                });
    }

    @Test
    void acceptsTheSafeChangesAFieldWithDefaultAndANewEnumSymbol() {
        Schema released = releasedProposed();
        Schema current = SchemaEdits.withField(
                SchemaEdits.withFieldType(
                        released, "decision", SchemaEdits.enumWith(MatchDecision.getClassSchema(), "CERTAIN")),
                new Schema.Field("reviewNote", Schema.create(Schema.Type.STRING), "with default", ""));

        assertThat(CompatibilityCheck.compare(PROPOSED, 1, current, released)).isEmpty();
    }

    @Test
    void checksEveryReleaseOfTheCatalogue() {
        Schema released = releasedProposed();
        Schema incompatible = SchemaEdits.withFieldType(released, "score", Schema.create(Schema.Type.STRING));
        var catalogue = ContractCatalogue.of(Map.of(1, List.of(released), 2, List.of(incompatible)));

        assertThat(CompatibilityCheck.check(catalogue)).isNotEmpty().allSatisfy(incompatibility -> {
            assertThat(incompatibility.contract()).isEqualTo(PROPOSED);
            assertThat(incompatibility.releasedVersion()).isEqualTo(2);
        });
    }

    private static Schema releasedProposed() {
        return ContractCatalogue.standard()
                .contract(MatchProposed.class)
                .releases()
                .get(1);
    }
}
