package org.homeward.devstack;

import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;
import org.homeward.devstack.keycloak.DemoIdentities;

/** What the launcher prints once the stack is ready: every URL, the demo logins and where the logs are. */
final class Summary {

    private Summary() {}

    static void print(RunningDevstack running, PrintStream out) {
        var endpoints = running.endpoints();
        var line = "-".repeat(100);
        out.println();
        out.println(line);
        out.println("Homeward is running. Ctrl-C stops everything; the data stays in " + running.dataDir());
        out.println(line);
        out.println("Registries (REST API /api/v1/records; OpenAPI at /v3/api-docs, Swagger UI at /swagger-ui/):");
        endpoints
                .registries()
                .forEach((country, uri) ->
                        out.printf("  %s  %sapi/v1/records   %sswagger-ui/index.html%n", country, uri, uri));
        out.printf("Matching       %sapi/v1/match-proposals (NCPs review proposals here)%n", endpoints.matching());
        out.printf(
                "Notification   %sapi/v1/contact-points   %sapi/v1/inbox%n",
                endpoints.notification(), endpoints.notification());
        out.printf(
                "Keycloak       %s   realm %s, issuer %s%n",
                endpoints.keycloak(), DemoIdentities.REALM, endpoints.issuer());
        out.printf(
                "               admin console %sadmin/ : %s / %s (devstack only)%n",
                endpoints.keycloak(), DemoIdentities.ADMIN_USERNAME, DemoIdentities.ADMIN_PASSWORD);
        out.printf("Mail (SMTP)    127.0.0.1:%d; read it in a browser at %s%n", endpoints.smtpPort(), endpoints.mail());
        out.printf("               or over HTTP: %s%n", endpoints.mailbox("ua.ncp@homeward.test"));
        out.printf("Kafka          %s%n", endpoints.kafkaBootstrapServers());
        out.printf(
                "MongoDB        %s  (databases %s, homeward-matching, homeward-notification)%n",
                endpoints.mongoUri(),
                running.options().countries().stream()
                        .map(country -> "homeward-registry-" + country.toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
        out.println();
        out.println("Demo logins (password '" + DemoIdentities.PASSWORD + "', devstack only):");
        running.users().stream()
                .filter(user -> running.options().countries().contains(user.country()))
                .collect(Collectors.groupingBy(
                        DemoIdentities.DemoUser::country, java.util.LinkedHashMap::new, Collectors.toList()))
                .forEach((country, users) -> out.printf(
                        "  %s  %s%n",
                        country,
                        users.stream().map(DemoIdentities.DemoUser::username).collect(Collectors.joining("  "))));
        out.println("  partner systems (client credentials): "
                + DemoIdentities.PARTNERS.stream()
                        .map(DemoIdentities.DemoClient::clientId)
                        .collect(Collectors.joining("  ")));
        out.println("  A token for curl:  TOKEN=$(./devstack --token=pl-caseworker)");
        running.seed()
                .ifPresent(seed -> out.printf(
                        "%nSynthetic data: %d records (%s), %d planted cross-border pairs for matching to find.%n",
                        seed.records(),
                        seed.recordsPerCountry().entrySet().stream()
                                .map(entry -> entry.getKey() + " " + entry.getValue())
                                .collect(Collectors.joining(", ")),
                        seed.pairs().size()));
        out.println();
        out.println("Logs, one file per component: " + running.logsDir());
        out.println("Health of every component:    ./devstack --health");
        out.println(line);
    }
}
