package org.homeward.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.homeward.platform.security.Role;
import org.homeward.platform.security.TokenValidators;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Signed access tokens shaped like Keycloak's ({@code realm_access.roles}, {@code country}), for tests. One RSA key
 * pair per JVM signs them; {@link #decoder()} validates them with the production claim checks, issuer {@value
 * #ISSUER} and audience {@value #AUDIENCE}. Tokens from {@link #forged}, {@link #expired} and {@link
 * #wrongAudience} must be refused.
 *
 * <pre>{@code
 * mvc.perform(get("/api/v1/records/{id}", id).header("Authorization", "Bearer " + TestTokens.caseworker("PL")))
 * TestTokens.token().subject("cw-pl-1").country("PL").roles(Role.CASEWORKER).expiresIn(Duration.ofMinutes(1)).build()
 * }</pre>
 */
public final class TestTokens {

    public static final String ISSUER = "https://test-issuer.homeward.example";
    public static final String AUDIENCE = "homeward";

    private static final KeyPair KEYS = generateKeyPair();
    private static final KeyPair FORGER_KEYS = generateKeyPair();

    private TestTokens() {}

    /** A decoder that accepts exactly the tokens this class signs (and that are not expired or mis-addressed). */
    public static JwtDecoder decoder() {
        var decoder =
                NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(TokenValidators.of(ISSUER, AUDIENCE, Duration.ofSeconds(30)));
        return decoder;
    }

    /** A builder starting from a valid token: subject {@code test-user}, country PL, no roles, 5 minutes to live. */
    public static Builder token() {
        return new Builder();
    }

    public static String caseworker(String country) {
        return forRole(Role.CASEWORKER, country).build();
    }

    public static String ncp(String country) {
        return forRole(Role.NCP, country).build();
    }

    public static String supervisor(String country) {
        return forRole(Role.SUPERVISOR, country).build();
    }

    public static String auditor(String country) {
        return forRole(Role.AUDITOR, country).build();
    }

    public static String partnerSystem(String country) {
        return forRole(Role.PARTNER_SYSTEM, country).build();
    }

    /** A well-formed token with these roles, signed by a key the decoder does not trust. */
    public static String forged(String country, Role... roles) {
        return token().country(country).roles(roles).forged().build();
    }

    /** A caseworker token of PL signed by a key the decoder does not trust. */
    public static String forged() {
        return forged("PL", Role.CASEWORKER);
    }

    /** A correctly signed token with these roles that expired ten minutes ago. */
    public static String expired(String country, Role... roles) {
        return token().country(country).roles(roles).expired().build();
    }

    /** A caseworker token of PL that expired ten minutes ago. */
    public static String expired() {
        return expired("PL", Role.CASEWORKER);
    }

    /** A correctly signed token with these roles issued for another audience. */
    public static String wrongAudience(String country, Role... roles) {
        return token().country(country).roles(roles).audience("another-service").build();
    }

    /** A caseworker token of PL issued for another audience. */
    public static String wrongAudience() {
        return wrongAudience("PL", Role.CASEWORKER);
    }

    private static Builder forRole(Role role, String country) {
        return token().subject(role.claimValue() + "-" + country.toLowerCase(Locale.ROOT) + "-1")
                .country(country)
                .roles(role);
    }

    private static KeyPair generateKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("RSA is required of every JDK", impossible);
        }
    }

    /** Builds one token; every setter returns this builder. */
    public static final class Builder {

        private String subject = "test-user";
        private @Nullable Object country = "PL";
        private List<String> roles = List.of();
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);
        private Instant issuedAt = Instant.now();
        private Duration expiresIn = Duration.ofMinutes(5);
        private KeyPair signingKeys = KEYS;
        private final Map<String, Object> claims = new LinkedHashMap<>();

        private Builder() {}

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The {@code country} claim as a string. */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** The {@code country} claim as a one-element array, as Keycloak renders user attributes. */
        public Builder countryAsList(String country) {
            this.country = List.of(country);
            return this;
        }

        /** Leaves the {@code country} claim out. */
        public Builder withoutCountry() {
            this.country = null;
            return this;
        }

        public Builder roles(Role... roles) {
            this.roles = Arrays.stream(roles).map(Role::claimValue).toList();
            return this;
        }

        /** Realm roles as raw claim values, including ones Homeward does not know. */
        public Builder realmRoles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** Time to live from {@code issuedAt}; negative for a token that expired already. */
        public Builder expiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        /** Issued fifteen minutes ago, expired ten minutes ago: well beyond the clock skew. */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofMinutes(15));
            this.expiresIn = Duration.ofMinutes(5);
            return this;
        }

        /** Signs with a key the test decoder does not trust. */
        public Builder forged() {
            this.signingKeys = FORGER_KEYS;
            return this;
        }

        /** Any other claim. */
        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /** The compact JWS: {@code header.payload.signature}. */
        public String build() {
            var claimsSet = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(new ArrayList<>(audience))
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(expiresIn)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("realm_access", Map.of("roles", roles));
            if (country != null) {
                claimsSet.claim("country", country);
            }
            claims.forEach(claimsSet::claim);
            var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .keyID("homeward-test")
                    .build();
            var jwt = new SignedJWT(header, claimsSet.build());
            try {
                jwt.sign(new RSASSASigner(signingKeys.getPrivate()));
            } catch (JOSEException failure) {
                throw new IllegalStateException("Could not sign the test token", failure);
            }
            return jwt.serialize();
        }
    }
}
