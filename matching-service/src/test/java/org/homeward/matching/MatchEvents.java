package org.homeward.matching;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.ContractCatalogue;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.matching.MatchConfirmed;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.matching.MatchRejected;
import org.homeward.contracts.matching.MatchRetracted;
import org.homeward.platform.testing.KafkaTestConsumer;

/** Reads the matches topic from the moment it is opened, decoding each message as any consumer would. */
public final class MatchEvents implements AutoCloseable {

    private final KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.MATCHES);
    private final ContractCodec codec = new ContractCodec();

    /** Every event received so far that concerns at least one of these records. */
    public List<SpecificRecord> about(Collection<String> recordIds) {
        var ids = Set.copyOf(recordIds);
        return consumer.poll().stream()
                .map(record -> (SpecificRecord) codec.decode(record.value()))
                .filter(event -> ids.contains(left(event)) || ids.contains(right(event)))
                .toList();
    }

    public List<SpecificRecord> about(String... recordIds) {
        return about(List.of(recordIds));
    }

    /** Waits until an event of this type about these records arrived, and returns all of that type. */
    public <T extends SpecificRecord> List<T> await(Class<T> type, String... recordIds) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> of(type, recordIds), found -> !found.isEmpty());
    }

    public <T extends SpecificRecord> List<T> of(Class<T> type, String... recordIds) {
        return about(recordIds).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The Kafka key of the event, its match id. */
    public static String matchIdOf(SpecificRecord event) {
        return ContractCatalogue.standard().keyOf(event);
    }

    private static String left(SpecificRecord event) {
        return switch (event) {
            case MatchProposed proposed -> proposed.getLeft().getRecordId().toString();
            case MatchConfirmed confirmed -> confirmed.getLeft().getRecordId().toString();
            case MatchRejected rejected -> rejected.getLeft().getRecordId().toString();
            case MatchRetracted retracted -> retracted.getLeft().getRecordId().toString();
            default -> "";
        };
    }

    private static String right(SpecificRecord event) {
        return switch (event) {
            case MatchProposed proposed -> proposed.getRight().getRecordId().toString();
            case MatchConfirmed confirmed -> confirmed.getRight().getRecordId().toString();
            case MatchRejected rejected -> rejected.getRight().getRecordId().toString();
            case MatchRetracted retracted -> retracted.getRight().getRecordId().toString();
            default -> "";
        };
    }

    @Override
    public void close() {
        consumer.close();
    }
}
