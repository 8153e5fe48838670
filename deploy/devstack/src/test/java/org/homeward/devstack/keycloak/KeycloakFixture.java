package org.homeward.devstack.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;

/**
 * One real Keycloak per test JVM, started on first use from the distribution the build copied to {@code
 * target/keycloak} and stopped when the JVM exits. Its home ({@code target/keycloak-home}) survives between runs, so
 * only the first run pays for Keycloak's build step; its output goes to {@code target/keycloak.log}.
 */
final class KeycloakFixture {

    private static @Nullable KeycloakServer server;

    private KeycloakFixture() {}

    static synchronized KeycloakServer server() {
        if (server == null) {
            var module = moduleDirectory();
            var target = module.resolve("target");
            var ports = freePorts(2);
            var settings = new KeycloakServer.Settings(
                    target.resolve("keycloak/keycloak-quarkus-dist.zip"),
                    target.resolve("keycloak-home"),
                    module.resolve("../keycloak/homeward-realm.json").normalize(),
                    ports[0],
                    ports[1],
                    Path.of(System.getProperty("java.home")),
                    target.resolve("keycloak.log"));
            var started = System.nanoTime();
            var running = KeycloakServer.start(settings);
            System.out.printf(
                    "Keycloak ready at %s in %d s (pid %d, log %s)%n",
                    running.issuer(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                    running.pid(),
                    settings.logFile());
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "keycloak-fixture-stop"));
            server = running;
        }
        return server;
    }

    /** Surefire runs in the module's directory and says so in {@code basedir}. */
    private static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
    }

    /** Ports free now, all different: each is held until all are found. */
    static int[] freePorts(int count) {
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (var i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } finally {
            for (var socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a listening socket that accepted nothing does not fail in practice.
                }
            }
        }
    }
}
