package org.homeward.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks that the current schema of every contract and each of its released versions can read each other's data, in
 * both directions, with Avro's {@link SchemaCompatibility}: the current schema reads messages written with every
 * release (backward), and every release reads messages written with the current schema (forward). Checked against
 * every release, this is full-transitive compatibility: old and new producers and consumers can be upgraded in any
 * order.
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {}

    /** Which schema reads and which wrote. */
    public enum Direction {
        /** The current schema reads a message written with the released one (a new consumer, an old producer). */
        CURRENT_READS_RELEASED,
        /** The released schema reads a message written with the current one (an old consumer, a new producer). */
        RELEASED_READS_CURRENT
    }

    /**
     * One way in which a contract's current schema and one of its releases cannot read each other.
     *
     * @param contract full name of the contract
     * @param releasedVersion the release (N of {@code released/vN})
     * @param direction which schema fails to read the other's data
     * @param detail Avro's description: incompatibility type, location in the reader schema, and message
     */
    public record Incompatibility(String contract, int releasedVersion, Direction direction, String detail) {

        public Incompatibility {
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return contract + " vs released v" + releasedVersion + ", " + direction + ": " + detail;
        }
    }

    /** Every incompatibility between any contract's current schema and any of its releases; empty if none. */
    public static List<Incompatibility> check(ContractCatalogue catalogue) {
        List<Incompatibility> found = new ArrayList<>();
        for (Contract contract : catalogue.contracts()) {
            for (Map.Entry<Integer, Schema> release : contract.releases().entrySet()) {
                found.addAll(compare(contract.name(), release.getKey(), contract.schema(), release.getValue()));
            }
        }
        return List.copyOf(found);
    }

    /** The incompatibilities between one current schema and one released schema, in both directions. */
    public static List<Incompatibility> compare(String contract, int releasedVersion, Schema current, Schema released) {
        List<Incompatibility> found = new ArrayList<>();
        found.addAll(incompatibilities(contract, releasedVersion, Direction.CURRENT_READS_RELEASED, current, released));
        found.addAll(incompatibilities(contract, releasedVersion, Direction.RELEASED_READS_CURRENT, released, current));
        return List.copyOf(found);
    }

    private static List<Incompatibility> incompatibilities(
            String contract, int releasedVersion, Direction direction, Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getIncompatibilities().stream()
                .map(incompatibility -> new Incompatibility(
                        contract,
                        releasedVersion,
                        direction,
                        incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                                + incompatibility.getMessage()))
                .toList();
    }
}
