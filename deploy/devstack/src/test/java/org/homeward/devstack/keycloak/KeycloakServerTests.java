package org.homeward.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the server is prepared, started and stopped, against stand-in distributions whose {@code kc.sh} behaves like the
 * real one in the way under test (the real Keycloak is exercised by {@link KeycloakRealmIntegrationTests}).
 */
class KeycloakServerTests {

    /** Exits at once, as Keycloak does on a bad option. */
    private static final String EXITING = """
            #!/bin/sh
            echo "kc.sh $*"
            exit 3
            """;

    /** Forks a JVM that serves Keycloak's probes and forwards SIGTERM to it, as the real kc.sh does. */
    private static final String FORKING = """
            #!/bin/sh
            echo "kc.sh $*"
            trap 'kill -TERM $PID; wait $PID' TERM INT
            "$JAVA_HOME/bin/java" "$(dirname "$0")/ReadyServer.java" "$@" &
            PID=$!
            wait $PID
            """;

    /** Like {@link #FORKING}, but the server is up without the realm, as after a failed import. */
    private static final String FORKING_WITHOUT_REALM = FORKING.replace("\"$@\" &", "\"$@\" --without-realm &");

    private static final String READY_SERVER = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.util.Arrays;

            public class ReadyServer {
                public static void main(String[] args) throws Exception {
                    var management = HttpServer.create(new InetSocketAddress("127.0.0.1", port(args, "management-")), 0);
                    management.createContext("/health/ready", exchange -> {
                        var body = "{\\"status\\": \\"UP\\"}".getBytes();
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    management.start();
                    var port = port(args, "");
                    var realm = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                    if (!Arrays.asList(args).contains("--without-realm")) {
                        realm.createContext("/realms/homeward/.well-known/openid-configuration", exchange -> {
                            var body = ("{\\"issuer\\":\\"http://127.0.0.1:" + port + "/realms/homeward\\"}").getBytes();
                            exchange.sendResponseHeaders(200, body.length);
                            exchange.getResponseBody().write(body);
                            exchange.close();
                        });
                    }
                    realm.start();
                }

                static int port(String[] args, String kind) {
                    var option = "--http-" + kind + "port=";
                    return Arrays.stream(args)
                            .filter(arg -> arg.startsWith(option))
                            .mapToInt(arg -> Integer.parseInt(arg.substring(option.length())))
                            .findFirst()
                            .orElseThrow();
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void reportsAnEarlyExitNamingKeycloakItsStatusAndItsLog() throws IOException {
        var settings = settings(distribution(EXITING), realm("{\"realm\":\"homeward\"}"));

        assertThatThrownBy(() -> KeycloakServer.start(settings))
                .isInstanceOf(KeycloakStartFailed.class)
                .hasMessageContaining("Keycloak")
                .hasMessageContaining("status 3")
                .hasMessageContaining(settings.logFile().toString());
        assertThat(settings.logFile())
                .content()
                .contains("start-dev")
                .contains("--import-realm")
                .contains("--hostname=http://127.0.0.1:" + settings.httpPort());
        assertThat(settings.home().resolve("data/import/realm.json")).hasSameTextualContentAs(settings.realmFile());
    }

    @Test
    void keepsItsHomeAndDatabaseUntilTheRealmFileChanges() throws IOException {
        var settings = settings(distribution(EXITING), realm("{\"realm\":\"homeward\"}"));
        startAndFail(settings);
        var buildState = Files.writeString(settings.home().resolve("lib/built"), "augmented");
        var database = settings.home().resolve("data/h2/keycloakdb.mv.db");
        Files.createDirectories(database.getParent());
        Files.writeString(database, "realm and users");

        startAndFail(settings);
        assertThat(database).exists();

        Files.writeString(settings.realmFile(), "{\"realm\":\"homeward\",\"displayName\":\"changed\"}");
        startAndFail(settings);
        assertThat(database).doesNotExist();
        assertThat(buildState).exists();
        assertThat(settings.home().resolve("data/import/realm.json")).content().contains("changed");
    }

    @Test
    void refusesAPortInUseBeforeUnpackingAnything() throws IOException {
        var settings = settings(distribution(EXITING), realm("{}"));
        try (var taken = new ServerSocket(settings.managementPort(), 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> KeycloakServer.start(settings))
                    .isInstanceOf(KeycloakStartFailed.class)
                    .hasMessageContaining("port " + settings.managementPort() + " on 127.0.0.1 is in use");
        }
        assertThat(settings.home()).doesNotExist();
    }

    @Test
    void stopsKcShAndTheJvmItForkedOnClose() throws IOException {
        var settings = settings(distribution(FORKING, Map.of("bin/ReadyServer.java", READY_SERVER)), realm("{}"));

        var server = KeycloakServer.start(settings);
        var processes = ProcessHandle.of(server.pid()).orElseThrow();
        var jvm = processes.descendants().findFirst().orElseThrow();
        assertThat(server.isAlive()).isTrue();
        assertThat(server.issuer()).hasToString("http://127.0.0.1:" + settings.httpPort() + "/realms/homeward");

        server.close();

        assertThat(server.isAlive()).isFalse();
        assertThat(jvm.isAlive()).isFalse();
    }

    @Test
    void reportsAKeycloakWithoutTheRealmAndStopsIt() throws IOException {
        var settings = settings(
                distribution(FORKING_WITHOUT_REALM, Map.of("bin/ReadyServer.java", READY_SERVER)), realm("{}"));

        assertThatThrownBy(() -> KeycloakServer.start(settings))
                .isInstanceOf(KeycloakStartFailed.class)
                .hasMessageContaining("has no realm homeward");
        try (var port = new ServerSocket(settings.httpPort(), 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(port.isBound())
                    .as("the stand-in was stopped and freed its port")
                    .isTrue();
        }
    }

    private static void startAndFail(KeycloakServer.Settings settings) {
        assertThatThrownBy(() -> KeycloakServer.start(settings)).isInstanceOf(KeycloakStartFailed.class);
    }

    private KeycloakServer.Settings settings(Path distribution, Path realm) {
        var ports = KeycloakFixture.freePorts(2);
        return new KeycloakServer.Settings(
                distribution,
                directory.resolve("state/keycloak-home"),
                realm,
                ports[0],
                ports[1],
                Path.of(System.getProperty("java.home")),
                directory.resolve("state/keycloak.log"));
    }

    private Path realm(String content) throws IOException {
        return Files.writeString(directory.resolve("realm.json"), content);
    }

    private Path distribution(String kcSh) throws IOException {
        return distribution(kcSh, Map.of());
    }

    /** A zip shaped like Keycloak's: one top directory holding bin/kc.sh (no Unix modes, as zips often lose them). */
    private Path distribution(String kcSh, Map<String, String> moreFiles) throws IOException {
        var zip = directory.resolve("keycloak-stand-in.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("keycloak-0.0.0/"));
            out.putNextEntry(new ZipEntry("keycloak-0.0.0/bin/kc.sh"));
            out.write(kcSh.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("keycloak-0.0.0/lib/README"));
            out.write("stand-in".getBytes(StandardCharsets.UTF_8));
            for (var file : moreFiles.entrySet()) {
                out.putNextEntry(new ZipEntry("keycloak-0.0.0/" + file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return zip;
    }
}
