package org.homeward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.notification.NotificationDispatched;
import org.homeward.contracts.notification.Priority;
import org.junit.jupiter.api.Test;

class ContractCodecTests {

    private final ContractCodec codec = new ContractCodec();

    @Test
    void roundTripsEveryContract() {
        for (SpecificRecord event : SampleEvents.oneOfEachContract()) {
            byte[] message = codec.encode(event);

            assertThat(codec.decode(message)).as(event.getSchema().getName()).isEqualTo(event);
            assertThat(codec.decode(message, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void writesAvroSingleObjectEncodingAsAvroItselfDoes() throws IOException {
        for (SpecificRecord event : SampleEvents.oneOfEachContract()) {
            Contract contract = codec.catalogue().contract(event.getClass());
            byte[] message = codec.encode(event);

            assertThat(message[0]).isEqualTo((byte) 0xC3);
            assertThat(message[1]).isEqualTo((byte) 0x01);
            assertThat(ByteBuffer.wrap(message, 2, 8)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getLong())
                    .isEqualTo(contract.fingerprint());
            assertThat(ContractCodec.fingerprint(message)).isEqualTo(contract.fingerprint());
            var avrosOwn = new BinaryMessageEncoder<SpecificRecord>(
                    SpecificData.getForClass(event.getClass()), event.getSchema());
            assertThat(message).isEqualTo(avrosOwn.encode(event).array());
        }
    }

    @Test
    void letsAvrosGeneratedDecodersReadMessagesWithTheCatalogueSchemaStore() throws IOException {
        byte[] message = codec.encode(SampleEvents.proposed());

        MatchProposed decoded =
                MatchProposed.createDecoder(codec.catalogue().schemaStore()).decode(message);

        assertThat(decoded).isEqualTo(SampleEvents.proposed());
    }

    @Test
    void decodesAMessageWrittenWithAnOlderReleaseIntoTheCurrentClass() throws IOException {
        Schema current = ChildRecordRegistered.getClassSchema();
        Schema older = SchemaEdits.withFieldType(
                current, "profile", SchemaEdits.withoutField(TracingProfile.getClassSchema(), "urgent"));
        var codecKnowingOlder = new ContractCodec(ContractCatalogue.of(Map.of(1, List.of(older))));
        ChildRecordRegistered event = SampleEvents.registered();
        byte[] message = writeWith(older, event);

        ChildRecordRegistered decoded = codecKnowingOlder.decode(message, ChildRecordRegistered.class);

        assertThat(ContractCodec.fingerprint(message))
                .isNotEqualTo(
                        codec.catalogue().contract(ChildRecordRegistered.class).fingerprint());
        assertThat(decoded.getProfile().getUrgent())
                .as("default of the field the writer lacked")
                .isFalse();
        assertThat(decoded.getProfile().getNames()).isEqualTo(event.getProfile().getNames());
        assertThat(decoded.getProfile().getRecordId()).isEqualTo(SampleEvents.RECORD_ID);
        assertThat((Object) decoded.getProfile().getOwner().getAgencyId()).isInstanceOf(String.class);
        assertThat(decoded.getMetadata()).isEqualTo(event.getMetadata());
        assertThatExceptionOfType(UnknownContract.class)
                .as("a codec that does not know the writer schema")
                .isThrownBy(() -> codec.decode(message));
    }

    @Test
    void decodesAMessageWrittenWithANewerReleaseIntoTheCurrentClass() throws IOException {
        Schema current = NotificationDispatched.getClassSchema();
        Schema newerPriority = SchemaEdits.enumWith(Priority.getClassSchema(), "CRITICAL");
        Schema newer = SchemaEdits.withField(
                SchemaEdits.withFieldType(current, "priority", newerPriority),
                new Schema.Field("escalationPolicy", Schema.create(Schema.Type.STRING), "added later", "standard"));
        var codecKnowingNewer = new ContractCodec(ContractCatalogue.of(Map.of(2, List.of(newer))));
        GenericRecord written = convert(SampleEvents.dispatched(), newer);
        written.put("priority", new GenericData.EnumSymbol(newerPriority, "CRITICAL"));
        written.put("escalationPolicy", "night duty");
        byte[] message = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer)
                .encode(written)
                .array();

        NotificationDispatched decoded = codecKnowingNewer.decode(message, NotificationDispatched.class);

        assertThat(decoded.getPriority())
                .as("the enum default stands in for an unknown symbol")
                .isEqualTo(Priority.URGENT);
        assertThat(decoded.getNotificationId()).isEqualTo(SampleEvents.NOTIFICATION_ID);
    }

    @Test
    void rejectsBytesThatAreNotSingleObjectEncoded() {
        for (byte[] garbage : List.of(
                new byte[0],
                "not an Avro message at all".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, 0x01, 1, 2, 3},
                new byte[] {(byte) 0xC3, 0x02, 1, 2, 3, 4, 5, 6, 7, 8, 9})) {
            assertThatExceptionOfType(UnreadableMessage.class)
                    .isThrownBy(() -> codec.decode(garbage))
                    .isNotInstanceOf(UnknownContract.class)
                    .withMessageContaining("single-object encoding");
        }
    }

    @Test
    void rejectsAnUnknownFingerprintAsUnknownContract() {
        byte[] message = codec.encode(SampleEvents.closed());
        ByteBuffer.wrap(message, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123456789abcdefL);

        assertThatExceptionOfType(UnknownContract.class)
                .isThrownBy(() -> codec.decode(message))
                .satisfies(unknown -> assertThat(unknown.fingerprint()).isEqualTo(0x0123456789abcdefL))
                .withMessageContaining("0123456789abcdef");
    }

    @Test
    void rejectsATruncatedBodyWithoutRevealingItsContent() {
        byte[] message = codec.encode(SampleEvents.registered());
        byte[] truncated = Arrays.copyOf(message, message.length - 20);

        assertThatExceptionOfType(UnreadableMessage.class)
                .isThrownBy(() -> codec.decode(truncated))
                .withMessageContaining("ChildRecordRegistered")
                .withMessageNotContaining("Testova")
                .withMessageNotContaining("Тестова");
    }

    @Test
    void rejectsBytesAfterTheBody() {
        byte[] message = codec.encode(SampleEvents.erased());
        byte[] padded = Arrays.copyOf(message, message.length + 3);

        assertThatExceptionOfType(UnreadableMessage.class)
                .isThrownBy(() -> codec.decode(padded))
                .withMessageContaining("bytes after its body");
    }

    @Test
    void rejectsAMessageOfAnotherContractThanExpected() {
        byte[] message = codec.encode(SampleEvents.confirmed());

        assertThatExceptionOfType(UnreadableMessage.class)
                .isThrownBy(() -> codec.decode(message, MatchProposed.class))
                .withMessageContaining("Expected a MatchProposed message, found a MatchConfirmed");
    }

    @Test
    void refusesToEncodeWhatIsNoContract() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.encode(SampleEvents.profile()))
                .withMessageContaining("TracingProfile is not a Homeward contract");
    }

    @Test
    void refusesToEncodeAnEventWithAMissingRequiredFieldNamingTheField() {
        MatchProposed incomplete = SampleEvents.proposed();
        incomplete.setModelVersion(null);

        assertThatExceptionOfType(NullPointerException.class)
                .isThrownBy(() -> codec.encode(incomplete))
                .withMessageContaining("modelVersion");
    }

    /** Writes an event as a producer holding another schema version would: Avro's own encoder, that writer schema. */
    private static byte[] writeWith(Schema writer, SpecificRecord event) throws IOException {
        return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer)
                .encode(convert(event, writer))
                .array();
    }

    /** The event as a generic record of another version of its schema, converted by Avro schema resolution. */
    private static GenericRecord convert(SpecificRecord event, Schema target) throws IOException {
        byte[] message = new ContractCodec().encode(event);
        byte[] body = Arrays.copyOfRange(message, ContractCodec.HEADER_LENGTH, message.length);
        return new GenericDatumReader<GenericRecord>(event.getSchema(), target)
                .read(null, DecoderFactory.get().binaryDecoder(body, null));
    }
}
