package org.homeward.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.SchemaFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Releases the current contracts as {@code released/vN}: writes the self-contained schema of every contract, as
 * written in {@code src/main/avro} (without the generated classes' Java-specific properties), to {@code
 * src/main/resources/org/homeward/contracts/released/vN/<full name>.avsc}. Not a test (Surefire does not pick it up by
 * name); run it on purpose, from the repository root:
 *
 * <pre>
 * ./mvnw -B -pl schemas test -Dtest=ReleaseContracts -Dhomeward.contracts.release=N
 * </pre>
 *
 * N must be the next release number. It never overwrites a released file: a release is immutable.
 */
class ReleaseContracts {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    @EnabledIfSystemProperty(named = "homeward.contracts.release", matches = "[1-9][0-9]*")
    void writesRelease() throws IOException {
        int version = Integer.parseInt(System.getProperty("homeward.contracts.release"));
        int next = ContractCatalogue.releasesOnClassPath(getClass().getClassLoader()).keySet().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0)
                + 1;
        assertThat(version).as("the next release number").isEqualTo(next);
        var sources = SourceSchemas.byFullName();
        for (Contract contract : ContractCatalogue.standard().contracts()) {
            Path file = RESOURCES.resolve(ContractCatalogue.releasePath(version, contract.name()));
            assertThat(file).as("a released file is never rewritten").doesNotExist();
            Files.createDirectories(file.getParent());
            Files.writeString(file, SchemaFormatter.format("json/pretty", sources.get(contract.name())) + "\n");
        }
    }
}
