package org.homeward.registry;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.homeward.platform.security.Role;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.homeward.registry.protection.Keysets;
import org.springframework.boot.SpringApplication;

/**
 * One country's registry for local development, with real servers of its own: a Kafka broker in KRaft mode and a
 * MongoDB wire server whose data is kept on disk under {@code .devstack/}. Started by
 * {@code ./mvnw -pl registry-service spring-boot:test-run}. Development tokens for synthetic demo users are written
 * to {@code .devstack/tokens/}; they are signed by a key made at start-up, so they are valid for this run only.
 */
public final class DevRegistryApplication {

    private DevRegistryApplication() {}

    public static void main(String[] args) {
        var running = new java.util.ArrayDeque<AutoCloseable>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(running)));
        try {
            start(running);
        } catch (Exception | LinkageError failure) {
            System.err.println("The development registry did not start: " + failure);
            // Exit so the servers already started (and the lock on the data file) do not outlive the failure.
            System.exit(1);
        }
    }

    private static void stopAll(java.util.Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("A component did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static void start(java.util.Deque<AutoCloseable> running) throws Exception {
        var country = System.getProperty("homeward.country", "PL");
        var root = Path.of(System.getProperty("homeward.devstack.dir", "../.devstack"))
                .toAbsolutePath()
                .normalize();
        var keys = root.resolve("keys");
        Keysets.generateIfMissing(keys.resolve("aead-" + country + ".json"), keys.resolve("document-hash.json"));

        var mongoFile = root.resolve("registry-" + country).resolve("mongo.mv");
        Files.createDirectories(mongoFile.getParent());
        var mongo = new MongoServer(new H2Backend(mongoFile.toString()));
        mongo.bind("127.0.0.1", 0);
        running.push(mongo::shutdown);
        var mongoAddress = mongo.getLocalAddress();

        // The cluster id is kept with the data, so a second start finds its own logs and topics.
        var clusterIdFile = root.resolve("kafka-cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        var kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setClusterId(Files.readString(clusterIdFile).strip())
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBaseDirectory(root.resolve("kafka"))
                        .build())
                .setDeleteOnClose(false)
                .build();
        if (!Files.exists(root.resolve("kafka").resolve("combined_0_0").resolve("meta.properties"))) {
            kafka.format();
        }
        running.push(kafka);
        kafka.startup();
        kafka.waitForReadyBrokers();

        var registry = SpringApplication.from(RegistryApplication::main)
                .with(TestSecurityConfiguration.class)
                .run(
                        "--homeward.country=" + country,
                        "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoAddress.getPort() + "/homeward-registry",
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--homeward.protection.aead-keyset-file=" + keys.resolve("aead-" + country + ".json"),
                        "--homeward.protection.document-hash-keyset-file=" + keys.resolve("document-hash.json"));
        running.push(registry.getApplicationContext()::close);

        var tokens = root.resolve("tokens");
        Files.createDirectories(tokens);
        var lifetime = Duration.ofHours(12);
        for (var role : Role.values()) {
            var name = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + country + ".jwt";
            Files.writeString(
                    tokens.resolve(name),
                    TestTokens.token()
                            .subject("demo-" + name.replace(".jwt", ""))
                            .country(country)
                            .roles(role)
                            .expiresIn(lifetime)
                            .build());
        }
        Files.writeString(
                tokens.resolve("caseworker-UA.jwt"),
                TestTokens.token()
                        .subject("demo-caseworker-UA")
                        .country("UA")
                        .roles(Role.CASEWORKER)
                        .expiresIn(lifetime)
                        .build());

        System.out.printf(
                "%nHomeward registry %s ready on http://127.0.0.1:%s (Kafka %s). Tokens in %s. Ctrl-C stops it.%n",
                country,
                registry.getApplicationContext().getEnvironment().getProperty("local.server.port"),
                kafka.bootstrapServers(),
                tokens);
    }
}
