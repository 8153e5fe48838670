package org.homeward.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The MongoDB wire-protocol server of the stack, a child process of the launcher: mongo-java-server with its H2 file
 * backend, so the databases of every service survive a restart. Arguments: the port and the H2 file.
 */
public final class MongoWireServer {

    private MongoWireServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoWireServer PORT H2_FILE");
            System.exit(2);
        }
        var port = Integer.parseInt(args[0]);
        var file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());

        var backend = new H2Backend(file.toString());
        var server = new MongoServer(backend);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            // Closing the store writes its last changes to the file (closing twice is harmless).
                            backend.close();
                            System.out.println("MongoDB wire server stopped");
                            stopped.countDown();
                        },
                        "mongo-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB wire server listening on 127.0.0.1:" + port + " (H2 file " + file + ")");
        stopped.await();
    }
}
