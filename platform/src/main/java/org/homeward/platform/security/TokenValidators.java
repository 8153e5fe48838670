package org.homeward.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The claim checks every Homeward service applies after the signature: {@code typ}, expiry and not-before with a
 * clock skew, issuer and audience. The test decoder uses the same checks, so tests prove production behaviour.
 */
public final class TokenValidators {

    private TokenValidators() {}

    /**
     * @param issuer the required {@code iss}, or null to skip the issuer check
     * @param audience a value {@code aud} must contain
     * @param clockSkew tolerance for {@code exp} and {@code nbf}
     */
    public static OAuth2TokenValidator<Jwt> of(@Nullable String issuer, String audience, Duration clockSkew) {
        Objects.requireNonNull(audience, "audience");
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(clockSkew));
        if (issuer != null) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        validators.add(new JwtAudienceValidator(audience));
        return JwtValidators.createDefaultWithValidators(validators);
    }
}
