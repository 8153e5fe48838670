package org.homeward.contracts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes Homeward contracts in Avro single-object encoding and decodes them into the current generated classes. A
 * message is {@code 0xC3 0x01}, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema's parsing
 * canonical form, then the Avro binary body. Decoding looks the fingerprint up in the {@link ContractCatalogue}, so a
 * message written with any released (or the current) schema of a contract is read into the current class by Avro
 * schema resolution. The bytes are the same as the generated classes' {@code toByteBuffer()}. Thread-safe.
 */
public final class ContractCodec {

    /** Length of the single-object header: two marker bytes and the fingerprint. */
    public static final int HEADER_LENGTH = 10;

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final ContractCatalogue catalogue;
    private final Map<Class<?>, DatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
    private final Map<Long, DatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    /** A codec over {@link ContractCatalogue#standard()}. */
    public ContractCodec() {
        this(ContractCatalogue.standard());
    }

    public ContractCodec(ContractCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** The catalogue this codec resolves fingerprints with. */
    public ContractCatalogue catalogue() {
        return catalogue;
    }

    /**
     * Encodes an event with its contract's current schema.
     *
     * @throws IllegalArgumentException if {@code event} is not a Homeward contract
     * @throws NullPointerException if a required field is {@code null} (the message names the field)
     */
    public byte[] encode(SpecificRecord event) {
        Contract contract = catalogue.contract(event.getClass());
        DatumWriter<SpecificRecord> writer = writers.computeIfAbsent(
                contract.type(), type -> new SpecificDatumWriter<>(contract.schema(), model(type)));
        var out = new ByteArrayOutputStream(256);
        out.writeBytes(header(contract.fingerprint()));
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: writing to memory
        }
        return out.toByteArray();
    }

    /**
     * Decodes a message into the current class of its contract.
     *
     * @throws UnknownContract if the fingerprint in the header belongs to no known schema
     * @throws UnreadableMessage if the message is not in single-object encoding or its body does not match its writer
     *     schema
     */
    public SpecificRecord decode(byte[] message) {
        long fingerprint = fingerprint(message);
        Schema writerSchema = catalogue.writerSchema(fingerprint).orElseThrow(() -> new UnknownContract(fingerprint));
        Contract contract = catalogue.byFingerprint(fingerprint).orElseThrow(() -> new UnknownContract(fingerprint));
        DatumReader<SpecificRecord> reader = readers.computeIfAbsent(
                fingerprint, any -> new SpecificDatumReader<>(writerSchema, contract.schema(), model(contract.type())));
        BinaryDecoder decoder =
                DecoderFactory.get().binaryDecoder(message, HEADER_LENGTH, message.length - HEADER_LENGTH, null);
        SpecificRecord event;
        boolean consumedWholly;
        try {
            event = reader.read(null, decoder);
            consumedWholly = decoder.isEnd();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableMessage(
                    "Body of a " + contract.name() + " message does not match its writer schema "
                            + UnknownContract.hex(fingerprint),
                    e);
        }
        if (!consumedWholly) {
            throw new UnreadableMessage("Message of contract " + contract.name() + " has bytes after its body");
        }
        return event;
    }

    /**
     * Decodes a message that must hold the given contract.
     *
     * @throws UnknownContract if the fingerprint in the header belongs to no known schema
     * @throws UnreadableMessage if the message cannot be decoded or holds another contract
     */
    public <T extends SpecificRecord> T decode(byte[] message, Class<T> type) {
        SpecificRecord event = decode(message);
        if (!type.isInstance(event)) {
            throw new UnreadableMessage("Expected a " + type.getSimpleName() + " message, found a "
                    + event.getSchema().getName());
        }
        return type.cast(event);
    }

    /**
     * The writer schema fingerprint in a message's single-object header.
     *
     * @throws UnreadableMessage if the message does not start with a single-object header
     */
    public static long fingerprint(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (message.length < HEADER_LENGTH || message[0] != MARKER_0 || message[1] != MARKER_1) {
            throw new UnreadableMessage("Message is not in Avro single-object encoding (no C3 01 header)");
        }
        return ByteBuffer.wrap(message, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static byte[] header(long fingerprint) {
        return ByteBuffer.allocate(HEADER_LENGTH)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(MARKER_0)
                .put(MARKER_1)
                .putLong(fingerprint)
                .array();
    }

    /** The generated class's own model, which carries its logical type conversions (UUID, Instant, LocalDate). */
    private static SpecificData model(Class<?> type) {
        return SpecificData.getForClass(type);
    }
}
