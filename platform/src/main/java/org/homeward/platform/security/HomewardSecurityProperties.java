package org.homeward.platform.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are validated ({@code homeward.security}).
 *
 * @param issuerUri the Keycloak realm URL; the JWKS is discovered from it and {@code iss} must equal it
 * @param jwkSetUri the JWKS URL, when it should not be discovered (then {@code iss} is checked only if issuerUri is
 *     set too)
 * @param audience the value {@code aud} must contain; tokens issued for another audience are rejected
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 */
@ConfigurationProperties("homeward.security")
record HomewardSecurityProperties(
        @Nullable String issuerUri,
        @Nullable String jwkSetUri,
        @Nullable String audience,
        @DefaultValue("30s") Duration clockSkew) {}
