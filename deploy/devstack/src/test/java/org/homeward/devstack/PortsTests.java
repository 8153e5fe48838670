package org.homeward.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.homeward.devstack.Ports.NamedPort;
import org.junit.jupiter.api.Test;

class PortsTests {

    @Test
    void givesTheDocumentedDefaultPorts() {
        var ports = Ports.of(List.of("UA", "PL", "DE"), 0);

        assertThat(ports.all())
                .containsExactly(
                        new NamedPort("kafka", 9092),
                        new NamedPort("kafka controller", 9093),
                        new NamedPort("mongo", 27017),
                        new NamedPort("mail SMTP", 3025),
                        new NamedPort("mail web API", 8025),
                        new NamedPort("keycloak", 8180),
                        new NamedPort("keycloak management", 9180),
                        new NamedPort("registry-ua", 8081),
                        new NamedPort("registry-pl", 8082),
                        new NamedPort("registry-de", 8083),
                        new NamedPort("matching", 8090),
                        new NamedPort("notification", 8091));
    }

    @Test
    void movesEveryPortByTheOffsetAndNumbersRegistriesInCountryOrder() {
        var ports = Ports.of(List.of("DE", "MD"), 100);

        assertThat(ports.kafka()).isEqualTo(9192);
        assertThat(ports.keycloakManagement()).isEqualTo(9280);
        assertThat(ports.registry("DE")).isEqualTo(8181);
        assertThat(ports.registry("MD")).isEqualTo(8182);
        assertThat(ports.notification()).isEqualTo(8191);
        assertThat(ports.all()).extracting(NamedPort::port).doesNotHaveDuplicates();
    }

    @Test
    void nineRegistriesStayBelowMatchingsPort() {
        var ports = Ports.of(List.of("UA", "PL", "DE", "MD", "RO", "CZ", "SK", "HU", "LT"), 0);

        assertThat(ports.all()).extracting(NamedPort::port).doesNotHaveDuplicates();
        assertThat(ports.registry("LT")).isEqualTo(8089);
    }

    @Test
    void namesTheComponentWhosePortIsTaken() throws IOException {
        try (var held = holdAPortAt(Ports.MONGO)) {
            var offset = held.getLocalPort() - Ports.MONGO;
            var ports = Ports.of(List.of("UA"), offset);

            assertThat(ports.firstTaken()).contains(new NamedPort("mongo", held.getLocalPort()));
        }
    }

    @Test
    void findsNoTakenPortOnceItIsReleased() throws IOException {
        int port;
        try (var held = holdAPortAt(Ports.MONGO)) {
            port = held.getLocalPort();
            assertThat(Ports.isFree(port)).isFalse();
        }
        assertThat(Ports.isFree(port)).isTrue();
    }

    /** A listening socket at the default port plus an offset no stack uses (above the ephemeral port range here). */
    private static ServerSocket holdAPortAt(int defaultPort) throws IOException {
        for (int offset = 35_000; offset < 38_000; offset += 37) {
            var socket = new ServerSocket();
            try {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), defaultPort + offset));
                return socket;
            } catch (IOException taken) {
                socket.close();
            }
        }
        throw new IOException("no port to hold");
    }
}
