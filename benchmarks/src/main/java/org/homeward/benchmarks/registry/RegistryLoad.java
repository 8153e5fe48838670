package org.homeward.benchmarks.registry;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.homeward.contracts.Topics;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.homeward.registry.RegistryApplication;
import org.homeward.registry.protection.Keysets;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Drives registrations through the registry's HTTP API at fixed arrival rates (open loop: requests are sent on
 * schedule whether or not earlier ones have answered) and measures, for each, the HTTP latency and the time from the
 * 201 answer to the {@code ChildRecordRegistered} event arriving at a consumer of the country's topic. The registry,
 * a KRaft broker, a MongoDB wire server with its H2 file backend and the load all share this one machine.
 *
 * <p>Arguments: {@code --rates=200,300,400 --seconds=60 --warmup-seconds=15 --threads=16 --sweep=30s} (Tomcat's
 * worker threads, and how often the outbox relay sweeps the whole collection).
 */
public final class RegistryLoad {

    private static final String COUNTRY = "PL";

    private RegistryLoad() {}

    public static void main(String[] args) throws Exception {
        var options = options(args);
        int[] rates = Arrays.stream(options.getOrDefault("rates", "200,300").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        var measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        var warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", "15")));

        var data = Files.createTempDirectory("homeward-registry-load");
        var kafka = new EmbeddedKafkaKraftBroker(1, 6, Topics.registryRecords(COUNTRY));
        kafka.afterPropertiesSet();
        var mongo = new MongoServer(new H2Backend(data.resolve("mongo.mv").toString()));
        mongo.bind("127.0.0.1", 0);
        Keysets.generateIfMissing(data.resolve("aead.json"), data.resolve("document-hash.json"));
        var registry = SpringApplication.from(RegistryApplication::main)
                .with(TestSecurityConfiguration.class)
                .run(
                        "--server.port=0",
                        "--homeward.country=" + COUNTRY,
                        "--spring.mongodb.uri=mongodb://127.0.0.1:"
                                + mongo.getLocalAddress().getPort() + "/load",
                        "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "--homeward.protection.aead-keyset-file=" + data.resolve("aead.json"),
                        "--homeward.protection.document-hash-keyset-file=" + data.resolve("document-hash.json"),
                        "--logging.level.root=WARN",
                        "--server.tomcat.threads.max=" + options.getOrDefault("threads", "16"),
                        "--homeward.outbox.poll-interval=" + options.getOrDefault("sweep", "30s"));
        int port = Integer.parseInt(
                registry.getApplicationContext().getEnvironment().getRequiredProperty("local.server.port"));
        var token = TestTokens.token()
                .subject("load-caseworker")
                .country(COUNTRY)
                .roles(org.homeward.platform.security.Role.CASEWORKER)
                .expiresIn(Duration.ofHours(2))
                .build();
        try (var events = new EventClock(kafka.getBrokersAsString())) {
            var load = new Load(port, token, events);
            System.out.printf("Warming up at %d/s for %ds%n", rates[0], warmup.toSeconds());
            load.run(rates[0], warmup);
            System.out.println(Result.HEADER);
            for (int rate : rates) {
                System.out.println(load.run(rate, measured));
            }
        } finally {
            registry.getApplicationContext().close();
            kafka.destroy();
            mongo.shutdown();
        }
        System.exit(0);
    }

    /** One run at one rate: what was offered, what was achieved, and the two latencies. */
    record Result(
            int offeredRate,
            double achievedRate,
            int sent,
            int failed,
            int lostEvents,
            Latencies http,
            Latencies toEvent) {
        static final String HEADER =
                "| offered/s | achieved/s | sent | failed | events missing | HTTP p50 / p99 ms | 201→event p50 / p99 ms |"
                        + "\n|---|---|---|---|---|---|---|";

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "| %d | %.1f | %d | %d | %d | %.1f / %.1f | %.1f / %.1f |",
                    offeredRate,
                    achievedRate,
                    sent,
                    failed,
                    lostEvents,
                    http.p50(),
                    http.p99(),
                    toEvent.p50(),
                    toEvent.p99());
        }
    }

    record Latencies(double p50, double p99) {
        static Latencies of(long[] nanos) {
            if (nanos.length == 0) {
                return new Latencies(Double.NaN, Double.NaN);
            }
            Arrays.sort(nanos);
            return new Latencies(percentile(nanos, 0.50), percentile(nanos, 0.99));
        }

        private static double percentile(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /** Sends registrations on schedule and pairs each 201 with the arrival of its event. */
    static final class Load {
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        private final URI records;
        private final String token;
        private final EventClock events;
        private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

        Load(int port, String token, EventClock events) {
            this.records = URI.create("http://127.0.0.1:" + port + "/api/v1/records");
            this.token = token;
            this.events = events;
        }

        Result run(int rate, Duration duration) throws InterruptedException {
            int total = (int) (rate * duration.toSeconds());
            var answered = new ConcurrentHashMap<String, Long>();
            var httpNanos = new long[total];
            var failures = new java.util.concurrent.atomic.AtomicInteger();
            var done = new CountDownLatch(total);
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < total; i++) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    int request = i;
                    var body = registration();
                    senders.submit(() -> {
                        try {
                            long sent = System.nanoTime();
                            var response = http.send(
                                    HttpRequest.newBuilder(records)
                                            .header("Authorization", "Bearer " + token)
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            long received = System.nanoTime();
                            httpNanos[request] = received - sent;
                            if (response.statusCode() == 201) {
                                var location = response.headers()
                                        .firstValue("Location")
                                        .orElseThrow();
                                answered.put(location.substring(location.lastIndexOf('/') + 1), received);
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        } finally {
                            done.countDown();
                        }
                    });
                }
                done.await();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            events.awaitAll(answered.keySet(), Duration.ofSeconds(30));
            var toEvent = new ArrayList<Long>();
            int missing = 0;
            for (var entry : answered.entrySet()) {
                Long arrived = events.arrival(entry.getKey());
                if (arrived == null) {
                    missing++;
                } else {
                    // An event can reach the consumer before the client has read the 201: count that as 0.
                    toEvent.add(Math.max(0, arrived - entry.getValue()));
                }
            }
            return new Result(
                    rate,
                    answered.size() / elapsed,
                    total,
                    failures.get(),
                    missing,
                    Latencies.of(httpNanos),
                    Latencies.of(toEvent.stream().mapToLong(Long::longValue).toArray()));
        }

        private String registration() {
            var given = syllables(2);
            var family = syllables(3) + "enko";
            return """
                    {"kind":"REGISTRATION","agencyId":"LOAD-AGENCY",
                     "names":[{"givenNames":"%s","familyName":"%s"}],
                     "sex":"%s","birthDate":{"year":%d,"month":%d},
                     "birthPlace":{"name":"Testopil","country":"UA"},
                     "relatives":[{"relationship":"MOTHER","name":{"givenNames":"%s","familyName":"%s"}}],
                     "placement":{"type":"FOSTER_FAMILY","description":"synthetic placement"},
                     "documents":[{"type":"BIRTH_CERTIFICATE","number":"LT %06d","issuingCountry":"UA"}]}
                    """.formatted(
                            given,
                            family,
                            random.nextBoolean() ? "FEMALE" : "MALE",
                            LocalDate.now().getYear() - 2 - random.nextInt(15),
                            1 + random.nextInt(12),
                            syllables(2),
                            family,
                            random.nextInt(1_000_000));
        }

        private static final String[] SYLLABLES = {
            "ta", "ro", "mi", "ve", "lo", "sa", "ni", "ko", "da", "ly", "zo", "re"
        };

        private String syllables(int count) {
            var name = new StringBuilder();
            for (int i = 0; i < count; i++) {
                name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    /** Consumes the country's records topic from now on and notes when each record's first event arrived. */
    static final class EventClock implements AutoCloseable {
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread poller;

        EventClock(String bootstrapServers) {
            var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                    10));
            var topic = Topics.registryRecords(COUNTRY);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            poller = Thread.ofPlatform().name("event-clock").start(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (var record : consumer.poll(Duration.ofMillis(50))) {
                            arrivals.putIfAbsent(record.key(), System.nanoTime());
                        }
                    }
                }
            });
        }

        Long arrival(String recordId) {
            return arrivals.get(recordId);
        }

        void awaitAll(java.util.Set<String> recordIds, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!arrivals.keySet().containsAll(recordIds) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            poller.join();
        }
    }

    private static Map<String, String> options(String[] args) {
        var options = new java.util.HashMap<String, String>();
        for (var arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
