package org.homeward.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Kafka broker of the stack, a child process of the launcher: Apache Kafka's own server ({@code kafka.Kafka}) in
 * KRaft combined mode (one node is broker and controller), with its log directory on disk. Formats the storage with
 * Kafka's StorageTool on the first start of a data folder. Arguments: the {@code server.properties} file.
 */
public final class KafkaBroker {

    /** Fixed, so a data folder is always the same cluster: the base64url of the 16 bytes "HomewardDevstack". */
    static final String CLUSTER_ID = "SG9tZXdhcmREZXZzdGFjaw";

    private KafkaBroker() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KafkaBroker SERVER_PROPERTIES");
            System.exit(2);
        }
        var config = Path.of(args[0]);
        var logDir = Path.of(logDir(config));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            var output = new ByteArrayOutputStream();
            var exit = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--cluster-id", CLUSTER_ID, "--config", config.toString()},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            System.out.print(output.toString(StandardCharsets.UTF_8));
            if (exit != 0) {
                System.err.println("Formatting the Kafka storage failed with exit code " + exit);
                System.exit(exit);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** Writes a single-node KRaft combined-mode configuration and returns its path. */
    public static Path writeConfig(Path configFile, Path logDir, int port, int controllerPort) {
        var lines = List.of(
                "# Written by the devstack launcher at every start; edit DevstackComponents instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                // Several partitions, so per-key ordering is exercised as in production.
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Small segments and a week of retention: a devstack's disk stays small.
                "log.segment.bytes=16777216",
                "log.retention.hours=168");
        try {
            Files.createDirectories(configFile.getParent());
            Files.write(configFile, lines, StandardCharsets.UTF_8);
            return configFile;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + configFile, e);
        }
    }

    private static String logDir(Path config) throws IOException {
        for (var line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
            if (line.startsWith("log.dirs=")) {
                return line.substring("log.dirs=".length()).strip();
            }
        }
        throw new IllegalArgumentException("log.dirs is missing from " + config);
    }
}
