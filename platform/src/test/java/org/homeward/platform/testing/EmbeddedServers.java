package org.homeward.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real servers integration tests run against, started on first use and shared by every test class of the JVM
 * (Surefire reuses one fork): a one-node KRaft Kafka broker and an in-memory MongoDB wire-protocol server, both on
 * 127.0.0.1 and random ports. JVM shutdown hooks stop them. Separate test classes by topic and database names
 * ({@link RealServers} gives each class its own database), never by restarting a server.
 */
public final class EmbeddedServers {

    /** Partitions of auto-created topics: more than one, so per-key ordering is actually exercised. */
    public static final int PARTITIONS = 3;

    private static @Nullable EmbeddedKafkaKraftBroker kafka;
    private static @Nullable MongoServer mongo;

    private EmbeddedServers() {}

    /** The shared broker; topics are created on first use with {@value #PARTITIONS} partitions. */
    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            var broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            // Not spring.kafka.bootstrap-servers: a system property would leak into every context of the JVM.
            broker.brokerListProperty("homeward.test.kafka.bootstrap-servers");
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "offsets.topic.num.partitions", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
            kafka = broker;
        }
        return kafka;
    }

    /** {@code host:port} of the shared broker. */
    public static String kafkaBootstrapServers() {
        return kafka().getBrokersAsString();
    }

    /** The shared MongoDB wire-protocol server (memory backend: no transactions, as production code assumes). */
    public static synchronized MongoServer mongo() {
        if (mongo == null) {
            var server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-shutdown"));
            mongo = server;
        }
        return mongo;
    }

    /** A connection string to one database of the shared server. */
    public static String mongoUri(String database) {
        var address = mongo().getLocalAddress();
        // The servers stop in a shutdown hook that may run before a cached Spring context's: a short server
        // selection timeout lets that context's last MongoDB calls fail fast instead of holding the JVM for 30s.
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database
                + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000";
    }
}
