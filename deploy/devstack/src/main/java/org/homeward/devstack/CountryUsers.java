package org.homeward.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.devstack.keycloak.DemoIdentities;
import org.homeward.devstack.keycloak.DemoIdentities.DemoUser;

/**
 * Demo users for countries the realm file does not name ({@code --countries=UA,PL,DE,MD}): a caseworker, an NCP and a
 * supervisor per extra country, made through Keycloak's admin REST API like the realm's own (same password, a
 * {@code country} attribute, one realm role), so every started registry can be used and seeded. Users that exist
 * already are left as they are.
 */
final class CountryUsers {

    private static final List<String> ROLES = List.of("caseworker", "ncp", "supervisor");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI keycloak;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private CountryUsers(URI keycloak) {
        this.keycloak = keycloak;
    }

    /** Every demo user of the started countries: the realm's, plus those made here for the other countries. */
    static List<DemoUser> ensure(URI keycloak, List<String> countries) {
        var users = new ArrayList<>(DemoIdentities.USERS);
        var missing = countries.stream()
                .filter(country ->
                        users.stream().noneMatch(user -> user.country().equals(country)))
                .toList();
        if (missing.isEmpty()) {
            return users;
        }
        var admin = new CountryUsers(keycloak);
        var token = admin.adminToken();
        for (var country : missing) {
            for (var role : ROLES) {
                var user = new DemoUser(country.toLowerCase(Locale.ROOT) + "-" + role, country, role);
                admin.create(user, token);
                users.add(user);
            }
        }
        return users;
    }

    private String adminToken() {
        var form = "grant_type=password&client_id=admin-cli&username=" + encode(DemoIdentities.ADMIN_USERNAME)
                + "&password=" + encode(DemoIdentities.ADMIN_PASSWORD);
        var response = send(
                HttpRequest.newBuilder(keycloak.resolve("realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Keycloak's admin login failed with HTTP " + response.statusCode() + "; demo users not made");
        }
        return read(response.body()).path("access_token").asText();
    }

    private void create(DemoUser user, String token) {
        var realm = keycloak.resolve("admin/realms/" + DemoIdentities.REALM + "/");
        var existing = send(
                HttpRequest.newBuilder(realm.resolve("users?exact=true&username=" + encode(user.username())))
                        .GET(),
                token);
        if (read(existing.body()).size() > 0) {
            return;
        }
        var representation = Map.of(
                "username",
                user.username(),
                "enabled",
                true,
                "email",
                user.email(),
                "emailVerified",
                true,
                "firstName",
                "Demo",
                "lastName",
                capitalised(user.role()) + " " + user.country(),
                "attributes",
                Map.of("country", List.of(user.country())),
                "credentials",
                List.of(Map.of("type", "password", "value", DemoIdentities.PASSWORD, "temporary", false)));
        var created = send(
                HttpRequest.newBuilder(realm.resolve("users"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(write(representation))),
                token);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not create demo user " + user.username() + ": HTTP "
                    + created.statusCode() + " " + created.body());
        }
        var location = created.headers().firstValue("Location").orElseThrow();
        var role = send(
                HttpRequest.newBuilder(realm.resolve("roles/" + user.role())).GET(), token);
        var mapped = send(
                HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + role.body() + "]")),
                token);
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not give demo user " + user.username() + " role "
                    + user.role() + ": HTTP " + mapped.statusCode());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, @org.jspecify.annotations.Nullable String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's admin API did not answer: " + e, e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making demo users");
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's admin API gave unreadable JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
