package org.homeward.devstack.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * A Keycloak server run from its distribution zip as a child process ({@code kc.sh start-dev}, H2 file database),
 * with the Homeward realm imported at start.
 *
 * <p>The zip is unpacked into {@link Settings#home()} only once, so later starts reuse Keycloak's build state and its
 * H2 data (about a third of the first start's time). Keycloak imports a realm only when it does not exist yet; so
 * that the realm file stays the source of truth, a realm file that differs from the one imported last drops the H2
 * database and is imported afresh (changes made in the admin console are then lost, by design of the devstack).
 *
 * <p>The issuer is pinned with {@code --hostname}: tokens carry {@code iss = http://127.0.0.1:<httpPort>/realms/
 * homeward} whichever host name a client used. The master realm's admin is {@code admin}/{@code admin} (devstack
 * only). Nothing here registers a shutdown hook: the caller closes the server.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final System.Logger log = System.getLogger(KeycloakServer.class.getName());
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Settings settings;
    private final Process process;

    private KeycloakServer(Settings settings, Process process) {
        this.settings = settings;
        this.process = process;
    }

    /**
     * Where Keycloak comes from, where it lives and how it is reached.
     *
     * @param distributionZip {@code keycloak-quarkus-dist} zip
     * @param home where the zip is unpacked (the directory holding {@code bin/kc.sh}); kept between starts
     * @param realmFile the realm export to import, {@code deploy/keycloak/homeward-realm.json}
     * @param httpPort the port of the realms and the admin console on 127.0.0.1
     * @param managementPort the port of {@code /health} on 127.0.0.1
     * @param javaHome a JDK or JRE 21 or later to run Keycloak with
     * @param logFile where Keycloak's standard output and error are appended
     */
    public record Settings(
            Path distributionZip,
            Path home,
            Path realmFile,
            int httpPort,
            int managementPort,
            Path javaHome,
            Path logFile) {

        public Settings {
            Objects.requireNonNull(distributionZip, "distributionZip");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(realmFile, "realmFile");
            Objects.requireNonNull(javaHome, "javaHome");
            Objects.requireNonNull(logFile, "logFile");
            if (httpPort < 1 || httpPort > 65_535 || managementPort < 1 || managementPort > 65_535) {
                throw new IllegalArgumentException("httpPort and managementPort must be between 1 and 65535");
            }
            if (httpPort == managementPort) {
                throw new IllegalArgumentException("httpPort and managementPort must differ");
            }
        }

        /**
         * Settings that keep Keycloak's home ({@code keycloak-home}) and log ({@code keycloak.log}) in one state
         * directory and run it on the JDK that runs this code.
         */
        public static Settings of(
                Path distributionZip, Path stateDirectory, Path realmFile, int httpPort, int managementPort) {
            return new Settings(
                    distributionZip,
                    stateDirectory.resolve("keycloak-home"),
                    realmFile,
                    httpPort,
                    managementPort,
                    Path.of(System.getProperty("java.home")),
                    stateDirectory.resolve("keycloak.log"));
        }
    }

    /**
     * Unpacks Keycloak if needed, starts it and waits until {@code /health/ready} answers UP and the realm's discovery
     * document is served (at most 5 minutes).
     *
     * @throws KeycloakStartFailed if a port is taken, Keycloak exits, or it is not ready in time; the process is
     *     stopped before this is thrown
     */
    public static KeycloakServer start(Settings settings) {
        var logFile = settings.logFile();
        try {
            requireFree(settings.httpPort(), settings);
            requireFree(settings.managementPort(), settings);
            var java = settings.javaHome().resolve("bin").resolve("java");
            if (!Files.isExecutable(java)) {
                throw new KeycloakStartFailed("no java executable in " + settings.javaHome(), logFile, null);
            }
            unpackOnce(settings.distributionZip(), settings.home());
            installRealm(settings.realmFile(), settings.home());
            Files.createDirectories(logFile.toAbsolutePath().getParent());
        } catch (IOException failure) {
            throw new KeycloakStartFailed("preparing " + settings.home() + " failed: " + failure, logFile, failure);
        }
        var process = launch(settings);
        var server = new KeycloakServer(settings, process);
        try {
            server.awaitReady();
            return server;
        } catch (RuntimeException | Error failure) {
            server.close();
            throw failure;
        }
    }

    /** The realm's URL, which is also the tokens' {@code iss}: {@code http://127.0.0.1:<httpPort>/realms/homeward}. */
    public URI issuer() {
        return baseUri().resolve("realms/" + DemoIdentities.REALM);
    }

    /** Keycloak's root URL (admin console under {@code admin/}), ending in a slash. */
    public URI baseUri() {
        return URI.create("http://" + LOOPBACK + ":" + settings.httpPort() + "/");
    }

    /** The readiness probe's URL on the management port. */
    public URI readinessUri() {
        return URI.create("http://" + LOOPBACK + ":" + settings.managementPort() + "/health/ready");
    }

    /** The settings it was started with. */
    public Settings settings() {
        return settings;
    }

    /** The process id of the started {@code kc.sh} (Keycloak's JVM is its child). */
    public long pid() {
        return process.pid();
    }

    /** Whether the started process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops Keycloak: SIGTERM to {@code kc.sh} and its descendants ({@code kc.sh} forks the JVM rather than exec it,
     * and forwards the signal), at most 20 seconds for a clean stop, then SIGKILL to whatever is left.
     */
    @Override
    public void close() {
        var handles = new ArrayList<ProcessHandle>();
        process.descendants().forEach(handles::add);
        handles.add(process.toHandle());
        handles.forEach(ProcessHandle::destroy);
        var deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (var handle : handles) {
            var remaining = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                break;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        var left = Stream.concat(handles.stream(), process.descendants())
                .filter(ProcessHandle::isAlive)
                .toList();
        if (!left.isEmpty()) {
            log.log(
                    Level.WARNING,
                    "Keycloak did not stop within {0}; killing {1} process(es)",
                    STOP_TIMEOUT,
                    left.size());
            left.forEach(ProcessHandle::destroyForcibly);
            left.forEach(handle -> handle.onExit().join());
        }
    }

    private static void requireFree(int port, Settings settings) throws IOException {
        // A server already on the port could answer the readiness probe for a Keycloak that never started.
        try (var socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
        } catch (IOException taken) {
            throw new KeycloakStartFailed("port " + port + " on " + LOOPBACK + " is in use", settings.logFile(), taken);
        }
    }

    private static void unpackOnce(Path zip, Path home) throws IOException {
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return;
        }
        if (Files.exists(home)) {
            throw new IOException(home + " exists but holds no Keycloak (bin/kc.sh); remove it or choose another home");
        }
        log.log(Level.INFO, "Unpacking Keycloak into {0}", home);
        // Unpacked beside home, then renamed: an interrupted unpack never looks like a finished one.
        var parent = home.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        var staging = Files.createTempDirectory(parent, home.getFileName() + ".unpacking-");
        try (var archive = new ZipFile(zip.toFile())) {
            var entries = archive.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                // The zip holds one top directory (keycloak-<version>/); home takes its place.
                var name = entry.getName();
                var slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                var target = staging.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside its directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var in = archive.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                // Zip entries read through java.util.zip lose their Unix modes; the scripts must run.
                if (name.endsWith(".sh") && !target.toFile().setExecutable(true, false)) {
                    throw new IOException("cannot make " + target + " executable");
                }
            }
        } catch (IOException | RuntimeException failure) {
            deleteRecursively(staging);
            throw failure;
        }
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void installRealm(Path realmFile, Path home) throws IOException {
        var imported = home.resolve("data/import").resolve(realmFile.getFileName());
        if (Files.isRegularFile(imported) && Files.mismatch(imported, realmFile) == -1) {
            return;
        }
        var database = home.resolve("data/h2");
        if (Files.exists(database)) {
            log.log(
                    Level.INFO,
                    "The realm file changed: dropping Keycloak''s database so the realm is imported afresh");
            deleteRecursively(database);
        }
        Files.createDirectories(imported.getParent());
        Files.copy(realmFile, imported, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Process launch(Settings settings) {
        var home = settings.home().toAbsolutePath();
        var command = List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=" + LOOPBACK,
                "--http-port=" + settings.httpPort(),
                "--http-management-port=" + settings.managementPort(),
                "--health-enabled=true",
                "--import-realm",
                "--hostname=http://" + LOOPBACK + ":" + settings.httpPort());
        var builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        var environment = builder.environment();
        // kc.sh prefers $JAVA over $JAVA_HOME; options from the caller's shell must not change the server.
        environment.remove("JAVA");
        environment.remove("JAVA_OPTS");
        environment.remove("JAVA_OPTS_APPEND");
        environment.put("JAVA_HOME", settings.javaHome().toAbsolutePath().toString());
        // Keycloak creates the admin only while the master realm has none, so this is harmless on later starts.
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", DemoIdentities.ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", DemoIdentities.ADMIN_PASSWORD);
        try {
            return builder.start();
        } catch (IOException failure) {
            throw new KeycloakStartFailed(
                    "cannot run " + command.getFirst() + ": " + failure, settings.logFile(), failure);
        }
    }

    /**
     * Waits for {@code /health/ready}, then for the realm's discovery document: a cold Keycloak takes seconds over the
     * first realm request, longer than the discovery timeout of a Spring resource server.
     */
    private void awaitReady() {
        var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        var readiness = HttpRequest.newBuilder(readinessUri())
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        var discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        try (var http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new KeycloakStartFailed(
                            "the process exited with status " + process.exitValue(), settings.logFile(), null);
                }
                var lastAnswer = probe(http, readiness, "\"UP\"");
                if (lastAnswer == null) {
                    lastAnswer = probe(http, discovery, issuer().toString());
                    if (lastAnswer == null) {
                        return;
                    }
                    if (lastAnswer.equals("status 404")) {
                        throw new KeycloakStartFailed(
                                "it is up but has no realm " + DemoIdentities.REALM + " (was the realm file imported?)",
                                settings.logFile(),
                                null);
                    }
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new KeycloakStartFailed(
                            "not ready after " + START_TIMEOUT.toMinutes() + " minutes (last answer: " + lastAnswer
                                    + ")",
                            settings.logFile(),
                            null);
                }
                // Waiting on the process rather than sleeping notices an early exit at once.
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new KeycloakStartFailed("interrupted while waiting for readiness", settings.logFile(), interrupted);
        }
    }

    /** Null when the answer is 200 and holds the expected text, else what the probe saw. */
    private static @Nullable String probe(HttpClient http, HttpRequest request, String expected)
            throws InterruptedException {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains(expected)) {
                return null;
            }
            return "status " + response.statusCode();
        } catch (ConnectException notListening) {
            return request.uri().getPath() + " not listening";
        } catch (IOException failure) {
            return request.uri().getPath() + ": " + failure;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            });
        } catch (UncheckedIOException failure) {
            throw failure.getCause();
        }
    }
}
