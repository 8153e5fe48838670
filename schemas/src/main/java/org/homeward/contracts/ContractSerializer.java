package org.homeward.contracts;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Kafka value serializer for Homeward contracts in Avro single-object encoding (see {@link ContractCodec}). Name it
 * in producer properties ({@code value.serializer=org.homeward.contracts.ContractSerializer}); it needs no
 * configuration and no schema registry. Keys are plain strings ({@code StringSerializer}, see {@link
 * ContractCatalogue#keyOf(SpecificRecord)}).
 */
public final class ContractSerializer implements Serializer<SpecificRecord> {

    private final ContractCodec codec;

    /** A serializer over {@link ContractCatalogue#standard()}, for Kafka's reflective instantiation. */
    public ContractSerializer() {
        this(new ContractCodec());
    }

    public ContractSerializer(ContractCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * Encodes the event; {@code null} stays {@code null}.
     *
     * @throws SerializationException if the value is not a Homeward contract or a required field is missing
     */
    @Override
    public byte @Nullable [] serialize(String topic, @Nullable SpecificRecord data) {
        if (data == null) {
            return null;
        }
        try {
            return codec.encode(data);
        } catch (RuntimeException e) {
            // The cause names the offending field; the values stay out of the message.
            throw new SerializationException(
                    "Cannot encode a " + data.getSchema().getName() + " for topic " + topic, e);
        }
    }
}
