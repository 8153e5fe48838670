package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final String SECRET = "whsec_synthetic-test-secret";
    private static final byte[] BODY =
            "{\"deliveryId\":\"d-1\",\"priority\":\"URGENT\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant SIGNED_AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void signsTimestampAndBodyWithHmacSha256() {
        // Reference value computed independently: printf '1772359200.%s' "$body" | openssl dgst -sha256 -hmac "$secret"
        assertThat(WebhookSignature.sign(SECRET, SIGNED_AT, BODY))
                .isEqualTo("t=1772359200,v1=e2bf1b83888cf098ace105b543bfdf235d94be08a39b3b537b965e705bf6e3b2");
    }

    @Test
    void acceptsItsOwnSignatureWithinFiveMinutes() {
        var header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(header, BODY, SECRET, SIGNED_AT.plus(Duration.ofMinutes(4))))
                .isTrue();
    }

    @Test
    void rejectsAnOldTimestamp() {
        var header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(header, BODY, SECRET, SIGNED_AT.plus(Duration.ofMinutes(6))))
                .isFalse();
    }

    @Test
    void rejectsAChangedBodyWrongSecretOrForgedTimestamp() {
        var header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);
        var changed = "{\"deliveryId\":\"d-1\",\"priority\":\"NORMAL\"}".getBytes(StandardCharsets.UTF_8);
        var forgedTime = header.replace("t=1772359200", "t=1772359260");

        assertThat(WebhookSignature.verify(header, changed, SECRET, SIGNED_AT)).isFalse();
        assertThat(WebhookSignature.verify(header, BODY, "whsec_another-secret", SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify(forgedTime, BODY, SECRET, SIGNED_AT)).isFalse();
    }

    @Test
    void rejectsMalformedHeaders() {
        assertThat(WebhookSignature.verify("", BODY, SECRET, SIGNED_AT)).isFalse();
        assertThat(WebhookSignature.verify("t=abc,v1=00", BODY, SECRET, SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify("t=1772359200,v1=zz", BODY, SECRET, SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify("t=1772359200", BODY, SECRET, SIGNED_AT))
                .isFalse();
    }
}
