package org.homeward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class ContractSerdeTests {

    @Test
    @SuppressWarnings("unchecked")
    void roundTripsEveryContractThroughSerdesKafkaCreatesFromTheirClassNames() throws ClassNotFoundException {
        Serializer<SpecificRecord> serializer = Utils.newInstance(ContractSerializer.class.getName(), Serializer.class);
        Deserializer<SpecificRecord> deserializer =
                Utils.newInstance(ContractDeserializer.class.getName(), Deserializer.class);
        serializer.configure(Map.of(), false);
        deserializer.configure(Map.of(), false);

        for (SpecificRecord event : SampleEvents.oneOfEachContract()) {
            String topic = topicOf(event);
            var headers = new RecordHeaders();

            byte[] value = serializer.serialize(topic, headers, event);

            assertThat(deserializer.deserialize(topic, headers, value)).isEqualTo(event);
        }
        serializer.close();
        deserializer.close();
    }

    @Test
    void leavesTombstonesNull() {
        assertThat(new ContractSerializer().serialize(Topics.MATCHES, null)).isNull();
        assertThat(new ContractDeserializer().deserialize(Topics.MATCHES, null)).isNull();
    }

    @Test
    void throwsOnAPoisonMessageSoThatItCanBeDeadLettered() {
        var deserializer = new ContractDeserializer();
        byte[] poison = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        byte[] unknown = new ContractCodec().encode(SampleEvents.proposed());
        unknown[9] ^= 0x55; // another fingerprint

        assertThatExceptionOfType(SerializationException.class)
                .isThrownBy(() -> deserializer.deserialize(Topics.MATCHES, poison))
                .withMessageContaining(Topics.MATCHES)
                .withCauseInstanceOf(UnreadableMessage.class);
        assertThatExceptionOfType(SerializationException.class)
                .isThrownBy(() -> deserializer.deserialize(Topics.MATCHES, unknown))
                .withCauseExactlyInstanceOf(UnknownContract.class);
    }

    @Test
    void refusesToSerializeWhatIsNoContract() {
        assertThatExceptionOfType(SerializationException.class)
                .isThrownBy(() -> new ContractSerializer().serialize(Topics.MATCHES, SampleEvents.profile()))
                .withCauseInstanceOf(IllegalArgumentException.class);
    }

    private static String topicOf(SpecificRecord event) {
        return switch (ContractCatalogue.standard().contract(event.getClass()).topicFamily()) {
            case REGISTRY_RECORDS ->
                Topics.registryRecords(
                        ContractCatalogue.standard().metadataOf(event).getSourceCountry());
            case MATCHES -> Topics.MATCHES;
            case NOTIFICATIONS -> Topics.NOTIFICATIONS;
            default -> throw new AssertionError("no contract travels on dead-letter topics");
        };
    }
}
