package org.homeward.contracts;

import static org.homeward.contracts.TopicFamily.MATCHES;
import static org.homeward.contracts.TopicFamily.NOTIFICATIONS;
import static org.homeward.contracts.TopicFamily.REGISTRY_RECORDS;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.childrecord.ChildRecordClosed;
import org.homeward.contracts.childrecord.ChildRecordErased;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ChildRecordStatusChanged;
import org.homeward.contracts.childrecord.ChildRecordUpdated;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.contracts.matching.MatchConfirmed;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.matching.MatchRejected;
import org.homeward.contracts.matching.MatchRetracted;
import org.homeward.contracts.notification.NotificationAcknowledged;
import org.homeward.contracts.notification.NotificationDispatched;
import org.homeward.contracts.notification.NotificationEscalated;
import org.jspecify.annotations.Nullable;

/**
 * Every event contract Homeward publishes, with the topic family it travels on and every released version of its
 * schema. Released versions are read from the class path at {@code org/homeward/contracts/released/vN/<full
 * name>.avsc}; a {@link SchemaStore.Cache} holding them and the current schemas resolves any fingerprint a message
 * may carry. Immutable and thread-safe.
 */
public final class ContractCatalogue {

    static final String RELEASES_PATH = "org/homeward/contracts/released";

    private static final List<Definition<?>> DEFINITIONS = List.of(
            new Definition<>(
                    ChildRecordRegistered.class,
                    ChildRecordRegistered.getClassSchema(),
                    REGISTRY_RECORDS,
                    event -> event.getProfile().getRecordId()),
            new Definition<>(
                    ChildRecordUpdated.class,
                    ChildRecordUpdated.getClassSchema(),
                    REGISTRY_RECORDS,
                    event -> event.getProfile().getRecordId()),
            new Definition<>(
                    ChildRecordStatusChanged.class,
                    ChildRecordStatusChanged.getClassSchema(),
                    REGISTRY_RECORDS,
                    ChildRecordStatusChanged::getRecordId),
            new Definition<>(
                    ChildRecordClosed.class,
                    ChildRecordClosed.getClassSchema(),
                    REGISTRY_RECORDS,
                    ChildRecordClosed::getRecordId),
            new Definition<>(
                    ChildRecordErased.class,
                    ChildRecordErased.getClassSchema(),
                    REGISTRY_RECORDS,
                    ChildRecordErased::getRecordId),
            new Definition<>(MatchProposed.class, MatchProposed.getClassSchema(), MATCHES, MatchProposed::getMatchId),
            new Definition<>(
                    MatchConfirmed.class, MatchConfirmed.getClassSchema(), MATCHES, MatchConfirmed::getMatchId),
            new Definition<>(MatchRejected.class, MatchRejected.getClassSchema(), MATCHES, MatchRejected::getMatchId),
            new Definition<>(
                    MatchRetracted.class, MatchRetracted.getClassSchema(), MATCHES, MatchRetracted::getMatchId),
            new Definition<>(
                    NotificationDispatched.class,
                    NotificationDispatched.getClassSchema(),
                    NOTIFICATIONS,
                    NotificationDispatched::getNotificationId),
            new Definition<>(
                    NotificationAcknowledged.class,
                    NotificationAcknowledged.getClassSchema(),
                    NOTIFICATIONS,
                    NotificationAcknowledged::getNotificationId),
            new Definition<>(
                    NotificationEscalated.class,
                    NotificationEscalated.getClassSchema(),
                    NOTIFICATIONS,
                    NotificationEscalated::getNotificationId));

    private static volatile @Nullable ContractCatalogue standard;

    private final List<Contract> contracts;
    private final Map<Class<?>, Contract> byType;
    private final Map<Long, Contract> byFingerprint;
    private final SchemaStore.Cache store;

    private ContractCatalogue(List<Contract> contracts) {
        this.contracts = List.copyOf(contracts);
        this.byType = new HashMap<>();
        this.byFingerprint = new HashMap<>();
        this.store = new SchemaStore.Cache();
        for (Contract contract : contracts) {
            byType.put(contract.type(), contract);
            contract.releases().values().forEach(released -> index(contract, released));
            // Last, so that a fingerprint shared with a release finds the generated class's own schema.
            index(contract, contract.schema());
        }
    }

    private void index(Contract contract, Schema schema) {
        Contract previous = byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), contract);
        if (previous != null && previous != contract) {
            throw new IllegalStateException(
                    "contracts " + previous.name() + " and " + contract.name() + " share a schema fingerprint");
        }
        store.addSchema(schema);
    }

    /**
     * The catalogue of this library: current contracts and the releases shipped in its jar. Loaded once.
     *
     * @throws IllegalStateException if a released schema in the jar cannot be read
     */
    public static ContractCatalogue standard() {
        ContractCatalogue result = standard;
        if (result == null) {
            synchronized (ContractCatalogue.class) {
                result = standard;
                if (result == null) {
                    result = of(releasesOnClassPath(ContractCatalogue.class.getClassLoader()));
                    standard = result;
                }
            }
        }
        return result;
    }

    /**
     * A catalogue of the current contracts with the given released schemas, e.g. to decode messages written with a
     * release newer than this library. Each schema is assigned to the contract of the same full name.
     *
     * @param releases released schemas by release number (1, 2, ...)
     * @throws IllegalArgumentException if a schema is not a Homeward contract, a release number is below 1, or a
     *     release holds two schemas of one contract
     */
    public static ContractCatalogue of(Map<Integer, ? extends Collection<Schema>> releases) {
        Map<String, NavigableMap<Integer, Schema>> byContract = new HashMap<>();
        Map<String, Definition<?>> definitions = new LinkedHashMap<>();
        DEFINITIONS.forEach(definition -> definitions.put(definition.schema().getFullName(), definition));
        releases.forEach((version, schemas) -> {
            if (version < 1) {
                throw new IllegalArgumentException("release numbers start at 1");
            }
            for (Schema schema : schemas) {
                String name = schema.getFullName();
                if (!definitions.containsKey(name)) {
                    throw new IllegalArgumentException(name + " is not a Homeward contract");
                }
                if (byContract.computeIfAbsent(name, any -> new TreeMap<>()).putIfAbsent(version, schema) != null) {
                    throw new IllegalArgumentException("release " + version + " holds two schemas of " + name);
                }
            }
        });
        List<Contract> contracts = definitions.values().stream()
                .map(definition -> definition.contract(
                        byContract.getOrDefault(definition.schema().getFullName(), new TreeMap<>())))
                .toList();
        return new ContractCatalogue(contracts);
    }

    static Map<Integer, List<Schema>> releasesOnClassPath(ClassLoader loader) {
        Map<Integer, List<Schema>> releases = new TreeMap<>();
        for (int version = 1; ; version++) {
            List<Schema> found = new ArrayList<>();
            for (Definition<?> definition : DEFINITIONS) {
                String name = definition.schema().getFullName();
                String path = releasePath(version, name);
                try (InputStream in = loader.getResourceAsStream(path)) {
                    if (in == null) {
                        continue;
                    }
                    Schema released = new Schema.Parser().parse(in);
                    if (!released.getFullName().equals(name)) {
                        throw new IllegalStateException(path + " holds " + released.getFullName());
                    }
                    found.add(released);
                } catch (IOException | SchemaParseException e) {
                    throw new IllegalStateException("Cannot read released schema " + path, e);
                }
            }
            if (found.isEmpty()) {
                return releases;
            }
            releases.put(version, found);
        }
    }

    /** Class-path location of the released schema of a contract. */
    static String releasePath(int version, String contractName) {
        return RELEASES_PATH + "/v" + version + "/" + contractName + ".avsc";
    }

    /** Every contract, child record contracts first, then matching, then notification. */
    public List<Contract> contracts() {
        return contracts;
    }

    /**
     * The contract of a generated class.
     *
     * @throws IllegalArgumentException if {@code type} is not a Homeward contract (e.g. a nested type like {@code
     *     TracingProfile})
     */
    public Contract contract(Class<? extends SpecificRecord> type) {
        Contract contract = byType.get(type);
        if (contract == null) {
            throw new IllegalArgumentException(type.getName() + " is not a Homeward contract");
        }
        return contract;
    }

    /** The contract whose current or released schema has this fingerprint. */
    public Optional<Contract> byFingerprint(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** The current or released schema with this fingerprint: the writer schema of a message that carries it. */
    public Optional<Schema> writerSchema(long fingerprint) {
        return Optional.ofNullable(store.findByFingerprint(fingerprint));
    }

    /**
     * A read-only view of the schema store, for Avro's own decoders, e.g. {@code
     * MatchProposed.createDecoder(catalogue.schemaStore())}.
     */
    public SchemaStore schemaStore() {
        return store::findByFingerprint;
    }

    /** The Kafka message key of an event; see {@link Contract#key(SpecificRecord)}. */
    public String keyOf(SpecificRecord event) {
        return contract(event.getClass()).key(event);
    }

    /** The metadata every event carries as its first field. */
    public EventMetadata metadataOf(SpecificRecord event) {
        Contract contract = contract(event.getClass());
        return (EventMetadata) event.get(contract.schema().getField("metadata").pos());
    }

    private record Definition<T extends SpecificRecord>(
            Class<T> type, Schema schema, TopicFamily family, Function<T, UUID> key) {

        Contract contract(NavigableMap<Integer, Schema> releases) {
            Function<SpecificRecord, UUID> untyped = event -> key.apply(type.cast(event));
            return new Contract(type, schema, family, untyped, releases);
        }
    }
}
