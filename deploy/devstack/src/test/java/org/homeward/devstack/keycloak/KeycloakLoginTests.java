package org.homeward.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class KeycloakLoginTests {

    @Test
    void derivesTheS256ChallengeOfRfc7636() {
        // RFC 7636, appendix B.
        assertThat(KeycloakLogin.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void readsTheLoginFormsTargetWithItsCharacterReferencesResolved() {
        // As Keycloak 26's keycloak.v2 theme renders it.
        var page = """
                <form id="kc-select-language" action="http://127.0.0.1:8180/elsewhere"></form>
                <form id="kc-form-login" class="pf-v5-c-form pf-v5-u-w-100" onsubmit="login.disabled = true; \
                return true;" action="http://127.0.0.1:8180/realms/homeward/login-actions/authenticate?\
                session_code=abc&amp;execution=1c09&amp;client_id=homeward-gateway&amp;tab_id=pR3&#x3d;" \
                method="post" novalidate="novalidate">
                """;

        assertThat(KeycloakLogin.loginFormAction(page))
                .hasValue("http://127.0.0.1:8180/realms/homeward/login-actions/authenticate?"
                        + "session_code=abc&execution=1c09&client_id=homeward-gateway&tab_id=pR3=");
    }

    @Test
    void findsNoLoginFormOnOtherPages() {
        assertThat(KeycloakLogin.loginFormAction("<form id=\"kc-update-profile-form\" action=\"/x\"></form>"))
                .isEmpty();
    }

    @Test
    void decodesTheRedirectsQuery() {
        var redirect =
                URI.create("http://127.0.0.1:8080/devstack/login-callback?state=s%2B1&code=c.d.e&iss=http%3A%2F%2Fx");

        assertThat(KeycloakLogin.queryOf(redirect))
                .containsEntry("state", "s+1")
                .containsEntry("code", "c.d.e")
                .containsEntry("iss", "http://x");
    }
}
