package org.homeward.devstack;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends MongoDB's {@code ping} command over the wire protocol (one OP_MSG) and reads {@code ok} from the answer: proof
 * that the server speaks the protocol, not only that its port is open. Hand-written because the launcher carries no
 * MongoDB driver; it handles the few BSON types a ping answer holds.
 */
final class MongoPing {

    private static final int OP_MSG = 2013;

    private MongoPing() {}

    /** True if the server at {@code 127.0.0.1:port} answers {@code ping} with {@code ok: 1}. */
    static boolean ping(int port, Duration timeout) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(request());
            socket.getOutputStream().flush();
            var in = new DataInputStream(socket.getInputStream());
            var header = new byte[16];
            in.readFully(header);
            var length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            if (length < 21 || length > 16 * 1024 * 1024) {
                throw new IOException("not a MongoDB answer");
            }
            var body = new byte[length - 16];
            in.readFully(body);
            // flagBits (4 bytes), section kind 0 (1 byte), then the answer document.
            return okIn(ByteBuffer.wrap(body, 5, body.length - 5).slice().order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    static byte[] request() {
        var document = new ByteArrayOutputStream();
        writeInt(document, 0); // length, patched below
        document.write(0x10); // int32
        writeCString(document, "ping");
        writeInt(document, 1);
        document.write(0x02); // string
        writeCString(document, "$db");
        var admin = "admin".getBytes(StandardCharsets.UTF_8);
        writeInt(document, admin.length + 1);
        document.writeBytes(admin);
        document.write(0);
        document.write(0); // end of document
        var bson = document.toByteArray();
        ByteBuffer.wrap(bson).order(ByteOrder.LITTLE_ENDIAN).putInt(0, bson.length);

        var message = ByteBuffer.allocate(16 + 4 + 1 + bson.length).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(message.capacity()).putInt(1).putInt(0).putInt(OP_MSG);
        message.putInt(0).put((byte) 0).put(bson);
        return message.array();
    }

    /** Reads the top-level elements of a BSON document until {@code ok}; true if it is 1. */
    static boolean okIn(ByteBuffer document) throws IOException {
        var end = document.getInt();
        while (document.position() < end - 1) {
            var type = document.get();
            var name = readCString(document);
            if (name.equals("ok")) {
                return switch (type) {
                    case 0x01 -> document.getDouble() == 1.0;
                    case 0x10 -> document.getInt() == 1;
                    case 0x12 -> document.getLong() == 1L;
                    case 0x08 -> document.get() == 1;
                    default -> false;
                };
            }
            switch (type) {
                case 0x01, 0x09, 0x11, 0x12 -> skip(document, 8);
                case 0x02 -> skip(document, document.getInt());
                case 0x03, 0x04 -> skip(document, document.getInt() - 4);
                case 0x05 -> skip(document, document.getInt() + 1);
                case 0x07 -> skip(document, 12);
                case 0x08 -> skip(document, 1);
                case 0x10 -> skip(document, 4);
                case 0x0A -> {}
                default -> throw new IOException("unexpected BSON type " + type + " in the answer");
            }
        }
        return false;
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes);
    }

    private static String readCString(ByteBuffer buffer) {
        var start = buffer.position();
        while (buffer.get() != 0) {
            // advance to the terminating zero
        }
        var bytes = new byte[buffer.position() - start - 1];
        buffer.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeCString(ByteArrayOutputStream out, String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(value)
                .array());
    }
}
