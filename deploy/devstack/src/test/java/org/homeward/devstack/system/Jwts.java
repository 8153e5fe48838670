package org.homeward.devstack.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * Reads the claims of Keycloak's tokens and forges look-alikes: the same header (algorithm, {@code kid}) and claims,
 * signed with a key pair of our own that Keycloak never published.
 */
final class Jwts {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {}

    static JsonNode header(String token) {
        return part(token, 0);
    }

    static JsonNode claims(String token) {
        return part(token, 1);
    }

    /** The token with its claims replaced (header kept), signed RS256 with a fresh RSA key that nobody trusts. */
    static String forge(String genuine, java.util.function.Consumer<ObjectNode> changeClaims) {
        try {
            var header = (ObjectNode) header(genuine);
            var claims = (ObjectNode) claims(genuine);
            changeClaims.accept(claims);
            var signingInput = encode(header) + "." + encode(claims);
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(generator.generateKeyPair().getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(JsonNode node) {
        try {
            return ENCODER.encodeToString(Api.JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode part(String token, int index) {
        var parts = token.split("\\.");
        try {
            return Api.JSON.readTree(DECODER.decode(parts[index]));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
