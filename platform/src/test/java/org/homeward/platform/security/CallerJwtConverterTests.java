package org.homeward.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class CallerJwtConverterTests {

    private final CallerJwtConverter converter = new CallerJwtConverter();

    @Test
    void mapsKeycloakRealmRolesAndCountryToCaller() {
        var authentication = converter.convert(token().claim("country", "PL")
                .claim("realm_access", roles("caseworker", "supervisor"))
                .build());

        assertThat(authentication.getPrincipal())
                .isEqualTo(new Caller("cw-pl-1", "PL", java.util.Set.of(Role.CASEWORKER, Role.SUPERVISOR)));
        assertThat(authentication.getName()).isEqualTo("cw-pl-1");
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_CASEWORKER", "ROLE_SUPERVISOR", "COUNTRY_PL");
    }

    @Test
    void ignoresRolesHomewardDoesNotKnow() {
        var authentication = converter.convert(token().claim("country", "UA")
                .claim("realm_access", roles("ncp", "offline_access", "uma_authorization"))
                .build());

        assertThat(authentication.caller().roles()).containsExactly(Role.NCP);
    }

    @Test
    void acceptsCountryAsOneElementArrayAsKeycloakSendsUserAttributes() {
        var authentication = converter.convert(token().claim("country", List.of("DE"))
                .claim("realm_access", roles())
                .build());

        assertThat(authentication.caller().country()).isEqualTo("DE");
    }

    @Test
    void acceptsTokenWithoutRealmRoles() {
        var authentication = converter.convert(token().claim("country", "DE").build());

        assertThat(authentication.caller().roles()).isEmpty();
    }

    @Test
    void rejectsTokenWithoutValidCountryAsInvalidToken() {
        for (Object country : List.of("pl", "Poland", "ZZ", List.of("PL", "UA"), List.of(), 48)) {
            var jwt = token().claim("country", country).build();
            assertThatExceptionOfType(InvalidBearerTokenException.class)
                    .as("country claim %s", country)
                    .isThrownBy(() -> converter.convert(jwt));
        }
        var withoutCountry = token().claim("realm_access", roles("caseworker")).build();
        assertThatExceptionOfType(InvalidBearerTokenException.class)
                .isThrownBy(() -> converter.convert(withoutCountry))
                .withMessageNotContaining("Poland");
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("cw-pl-1")
                .issuedAt(Instant.parse("2025-01-01T00:00:00Z"))
                .expiresAt(Instant.parse("2025-01-01T00:05:00Z"));
    }

    private static Map<String, Object> roles(String... roles) {
        return Map.of("roles", List.of(roles));
    }
}
