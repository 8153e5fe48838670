package org.homeward.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Homeward-Signature} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the
 * MAC taken with the contact point's secret over {@code t + "." + body}. Receivers check the MAC in constant time,
 * reject timestamps more than {@link #TOLERANCE} away from their clock, and drop a {@code Homeward-Delivery-Id} they
 * have seen (see the README).
 */
public final class WebhookSignature {

    public static final String HEADER = "Homeward-Signature";
    public static final String DELIVERY_ID_HEADER = "Homeward-Delivery-Id";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** The header value for this body, signed at {@code timestamp}. */
    public static String sign(String secret, Instant timestamp, byte[] body) {
        var seconds = timestamp.getEpochSecond();
        return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(mac(secret, seconds, body));
    }

    /**
     * Whether the header is a valid signature of this body, made within {@link #TOLERANCE} of {@code now}. A
     * receiver's check, used by the tests; the README shows the same in a few lines for other languages.
     */
    public static boolean verify(String header, byte[] body, String secret, Instant now) {
        Objects.requireNonNull(header, "header");
        Long seconds = null;
        String v1 = null;
        for (var part : header.split(",")) {
            var pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            if (pair[0].equals("t")) {
                try {
                    seconds = Long.parseLong(pair[1]);
                } catch (NumberFormatException malformed) {
                    return false;
                }
            } else if (pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (seconds == null || v1 == null) {
            return false;
        }
        var age = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        if (age.compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(v1);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(secret, seconds, body));
    }

    private static byte[] mac(String secret, long seconds, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", impossible);
        }
    }
}
