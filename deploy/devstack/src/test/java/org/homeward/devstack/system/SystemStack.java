package org.homeward.devstack.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.homeward.devstack.Devstack;
import org.homeward.devstack.DevstackOptions;
import org.homeward.devstack.RunningDevstack;
import org.homeward.devstack.keycloak.DemoIdentities;
import org.homeward.devstack.keycloak.KeycloakLogin;
import org.jspecify.annotations.Nullable;

/**
 * The one stack every system test class of this JVM shares: started on first use in {@code target/system-test-stack}
 * (wiped first, except Keycloak's unpacked and built distribution, whose database is dropped so the realm is
 * imported afresh), with ports moved by {@value #PORT_OFFSET} so it runs beside a developer's devstack, unseeded, and
 * closed when the JVM ends. The UA and PL national contact points are created through the notification API.
 */
final class SystemStack {

    static final int PORT_OFFSET = 20_000;

    /** Tokens live 5 minutes in the demo realm; a fresh one is fetched well before. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(3);

    private static @Nullable SystemStack instance;
    private static @Nullable RuntimeException failedStart;

    private final RunningDevstack running;
    private final KeycloakLogin login;
    private final Api api;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final String expiryProbeToken;
    private final int expiryProbeStatusWhileFresh;
    private final long startSeconds;

    private record Token(String value, long fetchedAt) {}

    private SystemStack(RunningDevstack running, long startSeconds) {
        this.running = running;
        this.startSeconds = startSeconds;
        this.login = new KeycloakLogin(running.endpoints().issuer());
        this.api = new Api();
        // Taken now, so that by the time the authorisation tests run it has long expired; used once while fresh to
        // show that only its age, not its client, makes it fail later.
        this.expiryProbeToken = login.clientToken(DemoIdentities.EXPIRY_PROBE);
        this.expiryProbeStatusWhileFresh = api.get(
                        running.endpoints().registry("PL").resolve("api/v1/records"), expiryProbeToken)
                .status();
        for (var country : java.util.List.of("UA", "PL")) {
            createNationalContactPoint(country);
        }
    }

    /**
     * The country's NCP enters its contact point: alerts by e-mail to {@code <cc>.ncp@homeward.test} and to the NCP's
     * in-app inbox (addressed to the token's {@code sub}), in English so mail subjects are predictable.
     */
    private void createNationalContactPoint(String country) {
        var ncp = DemoIdentities.user(country.toLowerCase(java.util.Locale.ROOT) + "-ncp");
        var token = token(ncp.username());
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("country", country);
        body.put("kind", "NCP");
        body.put("name", country + " national contact point (system test)");
        body.put("language", "en");
        body.put("emails", java.util.List.of(ncp.email()));
        body.put(
                "inboxSubjects",
                java.util.List.of(Jwts.claims(token).path("sub").asText()));
        var created = api.post(running.endpoints().notification().resolve("api/v1/contact-points"), token, body);
        if (created.status() != 201) {
            throw new IllegalStateException("creating the contact point of " + country + " was answered with "
                    + created.status() + ": " + created.text());
        }
    }

    /** The shared stack, started on the first call. */
    static synchronized SystemStack get() {
        if (failedStart != null) {
            // One failed start per JVM: the other classes fail at once with its cause instead of starting again.
            throw new IllegalStateException("the system-test stack did not start", failedStart);
        }
        if (instance == null) {
            // As the launcher does: its own Kafka client logs only errors (no effect if logging started already).
            System.setProperty("logback.configurationFile", "devstack-logback.xml");
            var dataDir = Path.of("target/system-test-stack").toAbsolutePath();
            wipeKeepingKeycloak(dataDir);
            var options = DevstackOptions.defaults(Path.of("target").toAbsolutePath())
                    .withDataDir(dataDir)
                    .withPortOffset(PORT_OFFSET)
                    .withSeed(false);
            var began = System.nanoTime();
            RunningDevstack running;
            try {
                running = Devstack.start(options);
            } catch (RuntimeException failure) {
                failedStart = failure;
                throw failure;
            }
            var seconds = Math.round((System.nanoTime() - began) / 1e9);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "system-test-stack-stop"));
            try {
                instance = new SystemStack(running, seconds);
            } catch (RuntimeException failure) {
                failedStart = failure;
                running.close();
                throw failure;
            }
            System.out.printf("System-test stack ready in %d s%n", seconds);
        }
        return instance;
    }

    RunningDevstack running() {
        return running;
    }

    Api api() {
        return api;
    }

    KeycloakLogin login() {
        return login;
    }

    long startSeconds() {
        return startSeconds;
    }

    String expiryProbeToken() {
        return expiryProbeToken;
    }

    int expiryProbeStatusWhileFresh() {
        return expiryProbeStatusWhileFresh;
    }

    /**
     * A demo user's access token. One login per user and few of them: the realm's brute-force protection takes quick
     * successive logins of one user for an attack.
     */
    synchronized String token(String username) {
        var now = System.nanoTime();
        var cached = tokens.get(username);
        if (cached != null && now - cached.fetchedAt() < TOKEN_REUSE.toNanos()) {
            return cached.value();
        }
        var fresh = new Token(login.userToken(username, DemoIdentities.PASSWORD), now);
        tokens.put(username, fresh);
        return fresh.value();
    }

    private static void wipeKeepingKeycloak(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        requireUnused(dataDir);
        try (var entries = Files.list(dataDir)) {
            for (var entry : entries.toList()) {
                if (!entry.getFileName().toString().equals("keycloak")) {
                    deleteRecursively(entry);
                }
            }
            deleteRecursively(dataDir.resolve("keycloak/data/h2"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dataDir, e);
        }
    }

    /**
     * Refuses to wipe the folder of a stack that runs (another build's system tests, in this working tree): the
     * launcher's own check of its lock comes only after the wipe.
     */
    private static void requireUnused(Path dataDir) {
        var lockFile = dataDir.resolve("devstack.lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE);
                var lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(
                        "Another stack runs in " + dataDir + " (another build's system tests?); wait for it to end.");
            }
        } catch (java.nio.channels.OverlappingFileLockException inThisJvm) {
            throw new IllegalStateException("A stack of this JVM already runs in " + dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of " + dataDir, e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
