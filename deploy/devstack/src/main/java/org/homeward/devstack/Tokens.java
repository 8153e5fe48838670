package org.homeward.devstack;

import java.io.PrintStream;
import org.homeward.devstack.keycloak.DemoIdentities;
import org.homeward.devstack.keycloak.KeycloakLogin;
import org.homeward.devstack.keycloak.KeycloakLoginFailed;

/**
 * {@code ./devstack --token=pl-caseworker}: prints a real access token of a demo user (or of a partner client, such
 * as {@code partner-pl}) from the running stack's Keycloak, for {@code curl -H "Authorization: Bearer $(...)"}.
 */
final class Tokens {

    private Tokens() {}

    static int print(DevstackOptions options, @org.jspecify.annotations.Nullable String who, PrintStream out) {
        var dataDir = options.dataDir().toAbsolutePath().normalize();
        var state = StackState.read(dataDir).filter(StackState::launcherAlive);
        if (state.isEmpty() || who == null) {
            System.err.println("devstack: no devstack is running from " + dataDir + "; start it with ./devstack");
            return 1;
        }
        var ports = Ports.of(state.get().countries(), state.get().portOffset());
        var login = new KeycloakLogin(Endpoints.of(ports).issuer());
        try {
            var partner = DemoIdentities.PARTNERS.stream()
                    .filter(client -> client.clientId().equals(who))
                    .findFirst();
            out.println(
                    partner.isPresent()
                            ? login.clientToken(partner.get())
                            : login.userToken(who, DemoIdentities.PASSWORD));
            return 0;
        } catch (KeycloakLoginFailed failed) {
            System.err.println("devstack: " + failed.getMessage());
            return 1;
        }
    }
}
