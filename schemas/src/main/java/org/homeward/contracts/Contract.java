package org.homeward.contracts;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event contract: its generated class, current schema, every released version of its schema, and the topic
 * family it travels on. Obtained from a {@link ContractCatalogue}.
 */
public final class Contract {

    private final Class<? extends SpecificRecord> type;
    private final Schema schema;
    private final long fingerprint;
    private final TopicFamily topicFamily;
    private final Function<SpecificRecord, UUID> key;
    private final NavigableMap<Integer, Schema> releases;
    private final int version;

    Contract(
            Class<? extends SpecificRecord> type,
            Schema schema,
            TopicFamily topicFamily,
            Function<SpecificRecord, UUID> key,
            NavigableMap<Integer, Schema> releases) {
        this.type = Objects.requireNonNull(type, "type");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.topicFamily = Objects.requireNonNull(topicFamily, "topicFamily");
        this.key = Objects.requireNonNull(key, "key");
        this.releases = Collections.unmodifiableNavigableMap(new TreeMap<>(releases));
        // Fingerprinting every release is too slow for every event a producer writes: done once here.
        this.version = versionOf(fingerprint, this.releases);
    }

    /** Full name of the contract's Avro record, e.g. {@code org.homeward.contracts.matching.MatchProposed}. */
    public String name() {
        return schema.getFullName();
    }

    /** The generated class that holds this contract's events. */
    public Class<? extends SpecificRecord> type() {
        return type;
    }

    /** The current schema: the one the generated class was made from. */
    public Schema schema() {
        return schema;
    }

    /** CRC-64-AVRO fingerprint of the current schema's parsing canonical form, as in the single-object header. */
    public long fingerprint() {
        return fingerprint;
    }

    /** The topics this contract travels on. */
    public TopicFamily topicFamily() {
        return topicFamily;
    }

    /** Every released version of the schema by release number (the N of {@code released/vN}), oldest first. */
    public NavigableMap<Integer, Schema> releases() {
        return releases;
    }

    /**
     * The release number to put in {@code EventMetadata.schemaVersion}: the newest release whose schema equals the
     * current one, or the next release number if the current schema has unreleased changes.
     */
    public int version() {
        return version;
    }

    private static int versionOf(long fingerprint, NavigableMap<Integer, Schema> releases) {
        for (var release : releases.descendingMap().entrySet()) {
            if (SchemaNormalization.parsingFingerprint64(release.getValue()) == fingerprint) {
                return release.getKey();
            }
        }
        return releases.isEmpty() ? 1 : releases.lastKey() + 1;
    }

    /**
     * The Kafka message key of an event of this contract: the record id, match id or notification id, in canonical
     * UUID text form.
     *
     * @throws IllegalArgumentException if {@code event} is not of this contract
     */
    public String key(SpecificRecord event) {
        if (!type.isInstance(event)) {
            throw new IllegalArgumentException("event is not a " + schema.getName());
        }
        return key.apply(event).toString();
    }

    @Override
    public String toString() {
        return "Contract[" + name() + "]";
    }
}
