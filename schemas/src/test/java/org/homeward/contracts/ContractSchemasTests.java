package org.homeward.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.common.EventMetadata;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Rules every contract source in {@code src/main/avro} and every released schema follows. */
class ContractSchemasTests {

    private final Map<String, Schema> sources = SourceSchemas.byFullName();

    @Test
    void documentsEveryRecordEnumAndField() {
        List<String> undocumented = new ArrayList<>();
        for (Schema schema : sources.values()) {
            if (isBlank(schema.getDoc())) {
                undocumented.add(schema.getFullName());
            }
            if (schema.getType() == Schema.Type.RECORD) {
                schema.getFields().stream()
                        .filter(field -> isBlank(field.doc()))
                        .forEach(field -> undocumented.add(schema.getFullName() + "." + field.name()));
            }
        }
        assertThat(undocumented).as("types and fields without a doc").isEmpty();
    }

    @Test
    void givesEveryEnumADefaultSymbolSoThatNewSymbolsStayForwardCompatible() {
        assertThat(sources.values().stream().filter(schema -> schema.getType() == Schema.Type.ENUM))
                .isNotEmpty()
                .allSatisfy(enumeration -> assertThat(enumeration.getEnumDefault())
                        .as(enumeration.getFullName())
                        .isIn(enumeration.getEnumSymbols()));
    }

    @Test
    void startsEveryContractWithItsMetadata() {
        for (Contract contract : ContractCatalogue.standard().contracts()) {
            Schema.Field first = contract.schema().getFields().getFirst();
            assertThat(first.name()).as(contract.name()).isEqualTo("metadata");
            assertThat(first.schema()).isEqualTo(EventMetadata.getClassSchema());
        }
    }

    @Test
    void keepsTheTracingProfileMinimal() {
        // A new field here crosses borders: it needs a data-protection decision, then a change to this list.
        assertThat(TracingProfile.getClassSchema().getFields())
                .extracting(Schema.Field::name)
                .containsExactly(
                        "recordId",
                        "kind",
                        "status",
                        "names",
                        "sex",
                        "birthDate",
                        "estimatedAge",
                        "birthPlace",
                        "relatives",
                        "recordedOn",
                        "owner",
                        "documentHashes",
                        "urgent");
    }

    @Test
    void compilesTheSourcesIntoTheClassesOfTheCatalogue() {
        for (Contract contract : ContractCatalogue.standard().contracts()) {
            assertThat(SchemaNormalization.parsingFingerprint64(sources.get(contract.name())))
                    .as(contract.name())
                    .isEqualTo(contract.fingerprint());
        }
    }

    @Test
    void shipsReleasedSchemasThatAreSelfContainedAndFreeOfJavaProperties() throws IOException {
        for (Contract contract : ContractCatalogue.standard().contracts()) {
            for (int version : contract.releases().keySet()) {
                String path = ContractCatalogue.releasePath(version, contract.name());
                String json;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                    assertThat(in).as(path).isNotNull();
                    json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertThat(new Schema.Parser().parse(json).getFullName()).isEqualTo(contract.name());
                assertThat(json).as(path).doesNotContain("avro.java");
            }
        }
    }

    private static boolean isBlank(@Nullable String doc) {
        return doc == null || doc.isBlank();
    }
}
