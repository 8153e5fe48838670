package org.homeward.devstack;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.homeward.devstack.keycloak.DemoIdentities;

/**
 * Where every component of a stack is reached, all on 127.0.0.1.
 *
 * @param kafkaBootstrapServers {@code host:port} of the broker
 * @param mongoUri the wire server, without a database: {@code mongodb://127.0.0.1:27017}
 * @param keycloak Keycloak's root URL (admin console under {@code admin/}), ending in a slash
 * @param issuer the realm's URL, the tokens' {@code iss}
 * @param registries each country's registry root URL, by ISO code
 * @param matching the matching service's root URL
 * @param notification the notification service's root URL
 * @param smtpPort the SMTP port of the mail server
 * @param mail the mail server's web UI and REST API ({@code api/user/<address>/messages/INBOX})
 */
public record Endpoints(
        String kafkaBootstrapServers,
        String mongoUri,
        URI keycloak,
        URI issuer,
        Map<String, URI> registries,
        URI matching,
        URI notification,
        int smtpPort,
        URI mail) {

    public Endpoints {
        registries = Collections.unmodifiableMap(new LinkedHashMap<>(registries));
    }

    static Endpoints of(Ports ports) {
        var registries = new LinkedHashMap<String, URI>();
        ports.registries().forEach((country, port) -> registries.put(country, local(port)));
        var keycloak = local(ports.keycloak());
        return new Endpoints(
                "127.0.0.1:" + ports.kafka(),
                "mongodb://127.0.0.1:" + ports.mongo(),
                keycloak,
                keycloak.resolve("realms/" + DemoIdentities.REALM),
                registries,
                local(ports.matching()),
                local(ports.notification()),
                ports.smtp(),
                local(ports.mailApi()));
    }

    /** A country's registry root URL. */
    public URI registry(String country) {
        var uri = registries.get(country);
        if (uri == null) {
            throw new IllegalArgumentException("no registry for country " + country);
        }
        return uri;
    }

    /** The messages the mail server holds for one address, as JSON. */
    public URI mailbox(String address) {
        return mail.resolve("api/user/" + address + "/messages/INBOX");
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }
}
