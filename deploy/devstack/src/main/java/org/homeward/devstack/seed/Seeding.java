package org.homeward.devstack.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.homeward.devstack.keycloak.DemoIdentities;
import org.homeward.devstack.keycloak.KeycloakLogin;
import org.jspecify.annotations.Nullable;

/**
 * Seeds a fresh data folder once, through the public APIs with real tokens, as people would: each country's NCP
 * creates its contact point in the notification directory ({@code <cc>.ncp@homeward.test} and the in-app inbox), and
 * each country's caseworker registers its records of the {@link SyntheticChildren} plan. {@code seed.json} in the data
 * folder records the outcome and marks the folder as seeded. Records carry their plan key as {@code Idempotency-Key},
 * so a seeding interrupted half-way registers nothing twice when it runs again.
 */
public final class Seeding {

    /** The generator's seed: the same plan for every developer. */
    public static final long SEED = 20_240_601L;

    private static final String MARKER = "seed.json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Tokens live 5 minutes in the demo realm; a fresh one is fetched well before. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakLogin login;
    private final HttpClient http;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private Seeding(URI issuer) {
        this.login = new KeycloakLogin(issuer);
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private record Token(String value, long fetchedAt) {}

    /** What an earlier seeding of this folder recorded, if it was seeded. */
    public static Optional<SeedSummary> read(Path dataDir) {
        var marker = dataDir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(marker.toFile(), SeedSummary.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker + " (delete it to seed again)", e);
        }
    }

    /**
     * Seeds the folder unless it was seeded before, and returns what it holds.
     *
     * @param issuer the realm's URL
     * @param registries each country's registry root URL
     * @param notification the notification service's root URL
     * @param users the demo users of the realm; a country is seeded if it has a caseworker and an NCP
     */
    public static SeedSummary seedOnce(
            URI issuer,
            Map<String, URI> registries,
            URI notification,
            List<DemoIdentities.DemoUser> users,
            Path dataDir,
            PrintStream out) {
        var earlier = read(dataDir);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var seeding = new Seeding(issuer);
        var countries = new ArrayList<String>();
        for (var country : registries.keySet()) {
            if (user(users, country, "caseworker") != null && user(users, country, "ncp") != null) {
                countries.add(country);
            } else {
                out.println("Seeding: the realm has no demo caseworker and NCP for " + country
                        + ", so its registry starts empty");
            }
        }
        if (countries.isEmpty()) {
            return new SeedSummary(0, Map.of(), List.of());
        }
        var started = System.nanoTime();
        for (var country : countries) {
            seeding.contactPoint(user(users, country, "ncp"), notification);
        }
        var plan = SyntheticChildren.plan(countries, SEED);
        var ids = seeding.register(plan, registries, out);
        var perCountry = new LinkedHashMap<String, Integer>();
        countries.forEach(country -> perCountry.put(country, 0));
        plan.records().forEach(record -> perCountry.merge(record.country(), 1, Integer::sum));
        var byKey = new LinkedHashMap<String, SeedRecord>();
        plan.records().forEach(record -> byKey.put(record.key(), record));
        var pairs = plan.pairs().stream()
                .map(pair -> new SeedSummary.PlantedPair(
                        byKey.get(pair.missingReportKey()).country(),
                        ids.get(pair.missingReportKey()),
                        byKey.get(pair.registrationKey()).country(),
                        ids.get(pair.registrationKey())))
                .toList();
        var summary = new SeedSummary(plan.records().size(), perCountry, pairs);
        write(dataDir.resolve(MARKER), summary);
        out.printf(
                "Seeded %d synthetic records and %d contact points in %d s; %d planted cross-border pairs.%n",
                summary.records(), countries.size(), Math.round((System.nanoTime() - started) / 1e9), pairs.size());
        return summary;
    }

    private static DemoIdentities.@Nullable DemoUser user(
            List<DemoIdentities.DemoUser> users, String country, String role) {
        return users.stream()
                .filter(user -> user.country().equals(country) && user.role().equals(role))
                .findFirst()
                .orElse(null);
    }

    private static String username(String country, String role) {
        return country.toLowerCase(Locale.ROOT) + "-" + role;
    }

    /** The country's NCP creates its contact point, unless the directory already has one for the country. */
    private void contactPoint(DemoIdentities.@Nullable DemoUser ncp, URI notification) {
        Objects.requireNonNull(ncp, "ncp");
        var country = ncp.country();
        var token = token(ncp.username());
        var contactPoints = notification.resolve("api/v1/contact-points");
        var existing =
                send(HttpRequest.newBuilder(contactPoints).GET(), token, "listing the contact points of " + country);
        if (existing.body().contains("\"NCP\"")) {
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("country", country);
        body.put("kind", "NCP");
        body.put("name", country + " national contact point (devstack)");
        body.put("language", language(country));
        body.put("emails", List.of(ncp.email()));
        body.put("inboxSubjects", List.of(subjectOf(token)));
        var created = send(
                HttpRequest.newBuilder(contactPoints)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(body))),
                token,
                "creating the contact point of " + country);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Seeding failed: creating the contact point of " + country
                    + " was answered with HTTP " + created.statusCode() + ": " + created.body());
        }
    }

    /** Registers every record of the plan, four at a time; returns each record's id by its key. */
    private Map<String, String> register(SeedPlan plan, Map<String, URI> registries, PrintStream out) {
        var ids = new ConcurrentHashMap<String, String>();
        var done = new AtomicInteger();
        var total = plan.records().size();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var futures = new ArrayList<Future<?>>();
            for (var record : plan.records()) {
                futures.add(pool.submit(() -> {
                    ids.put(record.key(), registerOne(record, registries.get(record.country())));
                    var count = done.incrementAndGet();
                    if (count % 100 == 0 && count < total) {
                        out.printf("Seeding: %d of %d records registered%n", count, total);
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Seeding failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Seeding was interrupted");
        }
        return ids;
    }

    private String registerOne(SeedRecord record, URI registry) {
        var what = "registering " + record.key() + " in " + record.country();
        var response = send(
                HttpRequest.newBuilder(registry.resolve("api/v1/records"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", record.key())
                        .POST(HttpRequest.BodyPublishers.ofString(json(record.body()))),
                token(username(record.country(), "caseworker")),
                what);
        if (response.statusCode() != 201) {
            // Problem details name fields, never values: safe to show.
            throw new IllegalStateException("Seeding failed: " + what + " was answered with HTTP "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Seeding failed: " + what + " gave no readable id");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token, String what) {
        try {
            return http.send(
                    request.timeout(TIMEOUT)
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Seeding failed: " + what + ": " + e, e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Seeding was interrupted while " + what);
        }
    }

    /**
     * One login per user, shared by the seeding threads: the realm's brute-force protection takes logins of one user
     * in quick succession for an attack and disables the user for a while.
     */
    private synchronized String token(String username) {
        var now = System.nanoTime();
        var cached = tokens.get(username);
        if (cached != null && now - cached.fetchedAt() < TOKEN_REUSE.toNanos()) {
            return cached.value();
        }
        var fresh = new Token(login.userToken(username, DemoIdentities.PASSWORD), now);
        tokens.put(username, fresh);
        return fresh.value();
    }

    /** The token's {@code sub}: the user's id in Keycloak, which the in-app inbox is addressed to. */
    static String subjectOf(String token) {
        var parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalStateException("Seeding failed: Keycloak's token is not a JWT");
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            var subject = claims.path("sub").asText("");
            if (subject.isEmpty()) {
                throw new IllegalStateException("Seeding failed: Keycloak's token carries no sub claim");
            }
            return subject;
        } catch (IOException e) {
            throw new IllegalStateException("Seeding failed: Keycloak's token has unreadable claims", e);
        }
    }

    private static String language(String country) {
        return switch (country) {
            case "UA" -> "uk";
            case "PL" -> "pl";
            case "DE", "AT" -> "de";
            default -> "en";
        };
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path marker, SeedSummary summary) {
        try {
            var partial = Files.createTempFile(marker.getParent(), "seed", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), summary);
            Files.move(partial, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }
}
