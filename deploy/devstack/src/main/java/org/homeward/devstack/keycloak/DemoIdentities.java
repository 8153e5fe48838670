package org.homeward.devstack.keycloak;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The synthetic users and clients of {@code deploy/keycloak/homeward-realm.json}. Every password and secret here is
 * for the devstack only: it is published in this repository, so a realm that holds real data must never use them.
 * The realm test logs each of them in, so this class and the realm file cannot drift apart.
 */
public final class DemoIdentities {

    /** The realm's name; its URL is the tokens' issuer. */
    public static final String REALM = "homeward";

    /** The value every Homeward token carries in {@code aud}. */
    public static final String AUDIENCE = "homeward";

    /** The password of every demo user (devstack only). */
    public static final String PASSWORD = "devstack";

    /** The gateway's confidential client: authorization code flow with PKCE S256, nothing else. */
    public static final String GATEWAY_CLIENT_ID = "homeward-gateway";

    /** The gateway client's secret (devstack only). */
    public static final String GATEWAY_CLIENT_SECRET = "devstack-only-homeward-gateway-secret";

    /**
     * The redirect URI the devstack tooling logs users in with. It is registered on the gateway client but never
     * called: {@link KeycloakLogin} takes the code from Keycloak's redirect without following it.
     */
    public static final URI TOOLING_REDIRECT_URI = URI.create("http://127.0.0.1:8080/devstack/login-callback");

    /** The Keycloak admin console's user in the master realm (devstack only). */
    public static final String ADMIN_USERNAME = "admin";

    /** The Keycloak admin console's password (devstack only). */
    public static final String ADMIN_PASSWORD = "admin";

    /** The demo users, one per country and role, plus an auditor. */
    public static final List<DemoUser> USERS = List.of(
            new DemoUser("ua-caseworker", "UA", "caseworker"),
            new DemoUser("ua-ncp", "UA", "ncp"),
            new DemoUser("ua-supervisor", "UA", "supervisor"),
            new DemoUser("ua-auditor", "UA", "auditor"),
            new DemoUser("pl-caseworker", "PL", "caseworker"),
            new DemoUser("pl-ncp", "PL", "ncp"),
            new DemoUser("pl-supervisor", "PL", "supervisor"),
            new DemoUser("de-caseworker", "DE", "caseworker"),
            new DemoUser("de-ncp", "DE", "ncp"),
            new DemoUser("de-supervisor", "DE", "supervisor"));

    /** One client-credentials client per partner country's system, with role {@code partner-system}. */
    public static final List<DemoClient> PARTNERS = List.of(
            new DemoClient("partner-ua", "devstack-only-partner-ua-secret", "UA"),
            new DemoClient("partner-pl", "devstack-only-partner-pl-secret", "PL"),
            new DemoClient("partner-de", "devstack-only-partner-de-secret", "DE"));

    /**
     * A client of the same realm whose tokens lack the {@code homeward} audience (it has a {@code country} claim and
     * no Homeward role): Homeward services must refuse its tokens.
     */
    public static final DemoClient UNRELATED_APP =
            new DemoClient("unrelated-app", "devstack-only-unrelated-app-secret", "PL");

    /** A partner-like client whose access tokens live a few seconds, so tests can hold a genuinely expired one. */
    public static final DemoClient EXPIRY_PROBE =
            new DemoClient("homeward-expiry-probe", "devstack-only-expiry-probe-secret", "PL");

    private DemoIdentities() {}

    /** The demo user with this username. */
    public static DemoUser user(String username) {
        return USERS.stream()
                .filter(user -> user.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user with this username"));
    }

    /**
     * A demo user of the realm (synthetic; password {@link #PASSWORD}).
     *
     * @param username the login name, such as {@code pl-ncp}
     * @param country the {@code country} attribute, ISO 3166-1 alpha-2, upper case
     * @param role the one realm role, as it appears in {@code realm_access.roles}
     */
    public record DemoUser(String username, String country, String role) {

        private static final Set<String> ROLES = Set.of("caseworker", "ncp", "supervisor", "auditor");

        public DemoUser {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(role, "role");
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("role is not a Homeward user role");
            }
        }

        /** The user's address in the reserved {@code .test} domain, such as {@code pl.ncp@homeward.test}. */
        public String email() {
            return username.replace('-', '.').toLowerCase(Locale.ROOT) + "@homeward.test";
        }
    }

    /**
     * A confidential client that gets tokens with the client-credentials grant.
     *
     * @param clientId the client's id
     * @param secret its secret (devstack only)
     * @param country the {@code country} claim hard-coded on the client
     */
    public record DemoClient(String clientId, String secret, String country) {

        public DemoClient {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(country, "country");
        }

        @Override
        public String toString() {
            return "DemoClient[clientId=" + clientId + ", country=" + country + "]";
        }
    }
}
