package org.homeward.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps a validated Keycloak access token to a {@link CallerAuthentication}. Keycloak puts realm roles under {@code
 * realm_access.roles}, which Spring's default converter does not read; roles Homeward does not know are ignored.
 * The {@code country} claim may be a string or, as Keycloak renders user attributes, a one-element array. A token
 * without a subject or a valid country is rejected as an invalid token, so the request gets 401, not 500.
 */
public final class CallerJwtConverter implements Converter<Jwt, CallerAuthentication> {

    static final String COUNTRY_CLAIM = "country";
    static final String REALM_ACCESS_CLAIM = "realm_access";
    static final String ROLES = "roles";

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        var subject = jwt.getSubject();
        var country = countryOf(jwt.getClaims().get(COUNTRY_CLAIM));
        if (subject == null || country == null) {
            throw new InvalidBearerTokenException("The token has no subject or no country");
        }
        try {
            return new CallerAuthentication(new Caller(subject, country, rolesOf(jwt)), jwt);
        } catch (IllegalArgumentException invalid) {
            // The message names the claim only: it reaches the client in WWW-Authenticate.
            throw new InvalidBearerTokenException("The token's subject or country claim is invalid", invalid);
        }
    }

    private static @Nullable String countryOf(@Nullable Object claim) {
        if (claim instanceof String country) {
            return country;
        }
        if (claim instanceof Collection<?> values && values.size() == 1) {
            return values.iterator().next() instanceof String country ? country : null;
        }
        return null;
    }

    private static Set<Role> rolesOf(Jwt jwt) {
        var roles = EnumSet.noneOf(Role.class);
        if (jwt.getClaims().get(REALM_ACCESS_CLAIM) instanceof Map<?, ?> realmAccess
                && realmAccess.get(ROLES) instanceof Collection<?> values) {
            values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .map(Role::fromClaimValue)
                    .flatMap(Optional::stream)
                    .forEach(roles::add);
        }
        return roles;
    }
}
