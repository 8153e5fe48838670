package org.homeward.contracts;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Kafka value deserializer for Homeward contracts in Avro single-object encoding (see {@link ContractCodec}). Name
 * it in consumer properties ({@code value.deserializer=org.homeward.contracts.ContractDeserializer}); it needs no
 * configuration and no schema registry. A message it cannot decode raises a {@link SerializationException} whose
 * cause is an {@link UnreadableMessage} (or {@link UnknownContract}), never a silent {@code null}, so Spring Kafka's
 * {@code ErrorHandlingDeserializer} can send the poison message to a dead-letter topic.
 */
public final class ContractDeserializer implements Deserializer<SpecificRecord> {

    private final ContractCodec codec;

    /** A deserializer over {@link ContractCatalogue#standard()}, for Kafka's reflective instantiation. */
    public ContractDeserializer() {
        this(new ContractCodec());
    }

    public ContractDeserializer(ContractCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * Decodes the message into the current class of its contract; {@code null} (a tombstone) stays {@code null}.
     *
     * @throws SerializationException if the message cannot be decoded; the cause says why
     */
    @Override
    public @Nullable SpecificRecord deserialize(String topic, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        try {
            return codec.decode(data);
        } catch (UnreadableMessage e) {
            throw new SerializationException("Cannot decode a message from topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
