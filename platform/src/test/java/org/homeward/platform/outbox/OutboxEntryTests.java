package org.homeward.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxEntryTests {

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void keepsItsOwnCopyOfThePayload() {
        var payload = "encoded".getBytes(StandardCharsets.UTF_8);
        var entry = OutboxEntry.of("e-1", 1, "homeward.test.v1", "k-1", payload, AT);

        payload[0] = 'X';
        entry.payload()[1] = 'Y';

        assertThat(entry.payload()).asString(StandardCharsets.UTF_8).isEqualTo("encoded");
    }

    @Test
    void comparesPayloadsByContent() {
        var one = OutboxEntry.of("e-1", 1, "t", "k", new byte[] {1, 2}, AT);
        var same = OutboxEntry.of("e-1", 1, "t", "k", new byte[] {1, 2}, AT);

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(OutboxEntry.of("e-1", 1, "t", "k", new byte[] {1, 3}, AT));
        assertThat(one).isNotEqualTo(one.withContractSchema("org.homeward.contracts.Test"));
    }

    @Test
    void printsNoPayload() {
        var entry = OutboxEntry.of("e-1", 1, "t", "k", "Testa Synthetic".getBytes(StandardCharsets.UTF_8), AT);

        assertThat(entry.toString()).doesNotContain("Testa").contains("e-1").contains("15 bytes");
    }

    @Test
    void generatesEventIdWhenNotGiven() {
        var entry = OutboxEntry.of(7, "t", "k", new byte[0], AT);

        assertThat(UUID.fromString(entry.eventId())).isNotNull();
        assertThat(entry.contractSchema()).isNull();
    }

    @Test
    void rejectsIncompleteEntries() {
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxEntry.of(" ", 1, "t", "k", new byte[0], AT));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxEntry.of("e", -1, "t", "k", new byte[0], AT));
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxEntry.of("e", 1, "", "k", new byte[0], AT));
    }
}
