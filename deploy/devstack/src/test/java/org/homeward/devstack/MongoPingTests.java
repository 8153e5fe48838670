package org.homeward.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MongoPingTests {

    @Test
    void aMongoWireServerAnswersThePing() throws IOException {
        var server = new MongoServer(H2Backend.inMemory());
        try {
            var address = server.bind();

            assertThat(MongoPing.ping(address.getPort(), Duration.ofSeconds(5))).isTrue();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void nothingListeningIsAConnectionFailure() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> MongoPing.ping(port, Duration.ofSeconds(2))).isInstanceOf(IOException.class);
        assertThat(Probes.mongo(port).problem()).isEqualTo("connection refused");
    }

    @Test
    void readsOkAfterOtherFieldsOfTheAnswer() throws IOException {
        // {"version": "x", "n": 1, "ok": 1.0}
        var document = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        document.putInt(0);
        document.put((byte) 0x02)
                .put("version".getBytes())
                .put((byte) 0)
                .putInt(2)
                .put((byte) 'x')
                .put((byte) 0);
        document.put((byte) 0x10).put((byte) 'n').put((byte) 0).putInt(1);
        document.put((byte) 0x01).put("ok".getBytes()).put((byte) 0).putDouble(1.0);
        document.put((byte) 0);
        var length = document.position();
        document.putInt(0, length).flip();

        assertThat(MongoPing.okIn(document.slice().order(ByteOrder.LITTLE_ENDIAN)))
                .isTrue();
    }
}
