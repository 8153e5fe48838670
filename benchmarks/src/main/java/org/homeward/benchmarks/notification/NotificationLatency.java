package org.homeward.benchmarks.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.contracts.ContractCatalogue;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.RecordKind;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.matching.RecordRef;
import org.homeward.notification.NotificationApplication;
import org.homeward.platform.security.Role;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Latency of the notification service from a {@code MatchProposed} on the matches topic to the alert accepted by each
 * channel, for a burst of proposals while one contact point's webhook receiver hangs. The service, a KRaft broker, a
 * MongoDB wire server with its H2 file backend, GreenMail as the SMTP server and two webhook receivers (JDK
 * {@code HttpServer}s on 127.0.0.1) share this one JVM and machine.
 *
 * <p>The directory, set up through the service's API: the PL national contact point (e-mail, inbox, and a webhook
 * that never answers) and the UA one (e-mail, inbox, a healthy webhook). Every proposal is between a PL and a UA
 * record, so it alerts both. Latency is measured outside the service, from the send of the proposal: e-mail to
 * GreenMail's receipt of the message, inbox to the entry arriving on the inbox's server-sent-event stream, webhook to
 * the healthy receiver's receipt of the call.
 *
 * <p>With {@code --warm-up-bursts=N} the service first takes N unmeasured bursts of the same size, as ordinary
 * traffic: during those the second receiver answers too, so the measured burst meets compiled code and grown
 * collections but no retries left over from the warm-up; it hangs from the measured burst on. The default, 0,
 * measures a freshly started service.
 *
 * <p>With {@code --store=memory} the wire server keeps its collections in memory instead of an H2 file: the
 * difference between the two is the store's share of the burst.
 *
 * <p>Arguments: {@code --proposals=1000 --warm-up-bursts=0 --timeout-seconds=300 --store=h2}.
 */
public final class NotificationLatency {

    private static final Pattern MATCH_LINK = Pattern.compile("/matches/([0-9a-f-]{36})");
    private static final Pattern MATCH_ID_FIELD = Pattern.compile("\"matchId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private NotificationLatency() {}

    public static void main(String[] args) throws Exception {
        var options = options(args);
        int count = Integer.parseInt(options.getOrDefault("proposals", "1000"));
        int warmUps = Integer.parseInt(options.getOrDefault("warm-up-bursts", "0"));
        var timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "300")));

        var data = Files.createTempDirectory("homeward-notification-latency");
        var kafka = new EmbeddedKafkaKraftBroker(1, 6, Topics.MATCHES);
        kafka.afterPropertiesSet();
        // The H2 file backend is what the devstack runs; the in-memory one shows what is the service's own cost.
        var mongo = new MongoServer(
                "memory".equals(options.getOrDefault("store", "h2"))
                        ? new MemoryBackend()
                        : new H2Backend(data.resolve("mongo.mv").toString()));
        mongo.bind("127.0.0.1", 0);
        var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        var healthy = Receiver.answering();
        var hanging = Receiver.hanging();
        var notification = SpringApplication.from(NotificationApplication::main)
                .with(TestSecurityConfiguration.class)
                .run(
                        "--spring.config.location=" + ownConfiguration(NotificationApplication.class),
                        "--server.port=0",
                        "--spring.mongodb.uri=mongodb://127.0.0.1:"
                                + mongo.getLocalAddress().getPort() + "/notification-latency",
                        "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        // The receivers listen on plain http on 127.0.0.1.
                        "--homeward.notification.allow-insecure-webhooks=true",
                        "--logging.level.root=WARN");
        var context = notification.getApplicationContext();
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        try (var inbox = new InboxStreams(port)) {
            var api = new Directory(port);
            api.create("PL", "latency-ncp-pl@pl.latency.test", hanging.url(), "latency-ncp-pl");
            api.create("UA", "latency-ncp-ua@ua.latency.test", healthy.url(), "latency-ncp-ua");
            inbox.open("PL", "latency-ncp-pl");
            inbox.open("UA", "latency-ncp-ua");

            var codec = new ContractCodec();
            // Warm-up bursts are ordinary traffic: every receiver answers, so no retries of theirs overlap the
            // measured burst; the receiver hangs from the measured burst on.
            hanging.hang(warmUps == 0);
            for (int round = 1; round <= warmUps; round++) {
                var warmUp = burst(count, kafka, codec, smtp, inbox, healthy, timeout);
                System.out.printf(
                        Locale.ROOT,
                        "Warm-up burst %d of %d: %d proposals, everything arrived %d ms after the first send%n",
                        round,
                        warmUps,
                        count,
                        warmUp.allArrived() - warmUp.started());
            }
            if (warmUps > 0) {
                long settled = System.nanoTime() + timeout.toNanos();
                while (hanging.calls() < warmUps * count && System.nanoTime() < settled) {
                    Thread.sleep(100);
                }
                hanging.hang(true);
            }
            var measured = burst(count, kafka, codec, smtp, inbox, healthy, timeout);
            var cpu = measured.cpu();
            long burstStarted = measured.started();
            long burstSent = measured.sent();
            long allArrived = measured.allArrived();
            var email = measured.email();
            var inboxLatency = measured.inbox();
            var webhookLatency = measured.webhook();

            System.out.printf(
                    Locale.ROOT,
                    "%d proposals sent from %s in %d ms; everything arrived %d ms after the first send%s%n",
                    count,
                    Instant.ofEpochMilli(burstStarted),
                    burstSent - burstStarted,
                    allArrived - burstStarted,
                    allArrived - burstStarted >= timeout.toMillis() ? " (TIMED OUT)" : "");
            System.out.println();
            System.out.println("| channel | contact point | expected | arrived | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|");
            row("e-mail", "PL (webhook hanging)", count, email.get("PL"));
            row("e-mail", "UA", count, email.get("UA"));
            row("e-mail", "both", 2 * count, merged(email));
            row("inbox", "PL (webhook hanging)", count, inboxLatency.get("PL"));
            row("inbox", "UA", count, inboxLatency.get("UA"));
            row("inbox", "both", 2 * count, merged(inboxLatency));
            row("webhook", "UA (healthy)", count, webhookLatency);
            CpuAccount.print(cpu, count, allArrived - burstStarted);
            System.out.printf(
                    Locale.ROOT,
                    "%nMails received by the SMTP server: %d; calls the hanging receiver took (never answered): %d%n",
                    smtp.getReceivedMessages().length,
                    hanging.calls());
        } finally {
            hanging.close();
            context.close();
            healthy.close();
            smtp.stop();
            kafka.destroy();
            mongo.shutdown();
        }
        System.exit(0);
    }

    /** Latencies of one burst, in milliseconds from each proposal's send; e-mail and inbox by country. */
    private record Burst(
            long started,
            long sent,
            long allArrived,
            Map<String, List<Long>> email,
            Map<String, List<Long>> inbox,
            List<Long> webhook,
            Map<String, Double> cpu) {}

    /** Sends {@code count} proposals at once and waits until every alert of this burst arrived (or the timeout). */
    private static Burst burst(
            int count,
            EmbeddedKafkaKraftBroker kafka,
            ContractCodec codec,
            GreenMail smtp,
            InboxStreams inbox,
            Receiver healthy,
            Duration timeout)
            throws Exception {
        var sentAt = new ConcurrentHashMap<String, Long>();
        int mailsBefore = smtp.getReceivedMessages().length;
        int inboxBefore = inbox.arrivals().size();
        int webhooksBefore = healthy.arrivals().size();
        var cpuAccount = CpuAccount.start();
        long burstStarted = System.currentTimeMillis();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                var proposal = proposal();
                var matchId = proposal.getMatchId().toString();
                var bytes = codec.encode(proposal);
                sentAt.put(matchId, System.currentTimeMillis());
                producer.send(new ProducerRecord<>(Topics.MATCHES, matchId, bytes));
            }
            producer.flush();
        }
        long burstSent = System.currentTimeMillis();

        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && (smtp.getReceivedMessages().length < mailsBefore + 2 * count
                        || inbox.arrivals().size() < inboxBefore + 2 * count
                        || healthy.arrivals().size() < webhooksBefore + count)) {
            Thread.sleep(200);
        }
        long allArrived = System.currentTimeMillis();
        var cpu = cpuAccount.stop();

        var email = new HashMap<String, List<Long>>();
        for (var stored : smtp.getManagers().getImapHostManager().getAllMessages()) {
            var message = stored.getMimeMessage();
            var matchId = matchIdIn(message);
            var sent = matchId == null ? null : sentAt.get(matchId);
            if (sent != null) {
                var country = recipientCountry(message);
                email.computeIfAbsent(country, any -> new ArrayList<>())
                        .add(stored.getReceivedDate().getTime() - sent);
            }
        }
        var inboxLatency = new HashMap<String, List<Long>>();
        for (var arrival : inbox.arrivals()) {
            var sent = sentAt.get(arrival.matchId());
            if (sent != null) {
                inboxLatency
                        .computeIfAbsent(arrival.country(), any -> new ArrayList<>())
                        .add(arrival.at() - sent);
            }
        }
        var webhookLatency = new ArrayList<Long>();
        for (var arrival : healthy.arrivals()) {
            var sent = sentAt.get(arrival.matchId());
            if (sent != null) {
                webhookLatency.add(arrival.at() - sent);
            }
        }

        return new Burst(burstStarted, burstSent, allArrived, email, inboxLatency, webhookLatency, cpu);
    }

    private static List<Long> merged(Map<String, List<Long>> byCountry) {
        var all = new ArrayList<Long>();
        byCountry.values().forEach(all::addAll);
        return all;
    }

    private static void row(String channel, String contactPoint, int expected, @Nullable List<Long> millis) {
        var sorted = millis == null
                ? new long[0]
                : millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %d | %d | %s | %s | %s |%n",
                channel,
                contactPoint,
                expected,
                sorted.length,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.length == 0 ? "-" : Long.toString(sorted[sorted.length - 1]));
    }

    private static String percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return Long.toString(sorted[Math.max(0, index)]);
    }

    /** A proposal between a PL registration and a UA missing report, both new. */
    private static MatchProposed proposal() {
        return MatchProposed.newBuilder()
                .setMetadata(new EventMetadata(
                        UUID.randomUUID(),
                        Instant.now(),
                        "EU",
                        ContractCatalogue.standard()
                                .contract(MatchProposed.class)
                                .version(),
                        1L))
                .setMatchId(UUID.randomUUID())
                .setLeft(ref("PL", RecordKind.REGISTRATION))
                .setRight(ref("UA", RecordKind.MISSING_REPORT))
                .setScore(9.0)
                .setDecision(MatchDecision.POSSIBLE)
                .setEvidence(List.of())
                .setModelVersion("latency-model-1")
                .build();
    }

    private static RecordRef ref(String country, RecordKind kind) {
        return RecordRef.newBuilder()
                .setRecordId(UUID.randomUUID())
                .setCountry(country)
                .setKind(kind)
                .build();
    }

    private static @Nullable String matchIdIn(MimeMessage message) {
        try {
            var body = new StringBuilder();
            var content = message.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    body.append(multipart.getBodyPart(i).getContent());
                }
            } else {
                body.append(content);
            }
            var found = MATCH_LINK.matcher(body);
            return found.find() ? found.group(1) : null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static String recipientCountry(MimeMessage message) {
        try {
            var recipients = message.getAllRecipients();
            return recipients != null
                            && recipients.length > 0
                            && recipients[0].toString().contains("@pl.")
                    ? "PL"
                    : "UA";
        } catch (Exception unreadable) {
            return "?";
        }
    }

    /**
     * The service's own {@code application.yaml}: every service module has one at its classpath root, so the one of
     * the module holding {@code application} is named explicitly rather than left to classpath order.
     */
    private static String ownConfiguration(Class<?> application) {
        var location =
                application.getProtectionDomain().getCodeSource().getLocation().toString();
        return location.endsWith("/") ? location + "application.yaml" : "jar:" + location + "!/application.yaml";
    }

    /** When an alert about a match arrived, and for which country's contact point. */
    record Arrival(String country, String matchId, long at) {}

    /** Creates contact points through the API, as each country's supervisor would. */
    private record Directory(int port) {
        void create(String country, String email, String webhookUrl, String inboxSubject) throws Exception {
            var body = """
                    {"country":"%s","kind":"NCP","name":"Synthetic latency NCP %s","language":"en",
                     "emails":["%s"],"webhook":{"url":"%s"},"inboxSubjects":["%s"]}
                    """.formatted(country, country, email, webhookUrl, inboxSubject);
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/contact-points"))
                                    .header("Authorization", "Bearer " + TestTokens.supervisor(country))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("contact point of " + country + " not created: " + response.statusCode()
                        + " " + response.body());
            }
        }
    }

    /** Reads the inbox streams (server-sent events) of contact point users and notes when each entry arrived. */
    static final class InboxStreams implements AutoCloseable {
        // Platform threads, here and in the answering receiver: the service runs thousands of virtual threads in a
        // burst, and a harness thread queued behind them would time an arrival late.
        private final HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newCachedThreadPool(Thread.ofPlatform()
                        .name("inbox-stream-reader-", 0)
                        .daemon()
                        .factory()))
                .build();
        private final int port;
        private final List<Arrival> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());

        InboxStreams(int port) {
            this.port = port;
        }

        void open(String country, String subject) throws InterruptedException {
            var token = TestTokens.token()
                    .subject(subject)
                    .country(country)
                    .roles(Role.NCP)
                    .expiresIn(Duration.ofHours(2))
                    .build();
            var opened = new CountDownLatch(1);
            http.sendAsync(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inbox/stream"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(line -> {
                        opened.countDown();
                        if (line.startsWith("data:")) {
                            var found = MATCH_ID_FIELD.matcher(line);
                            if (found.find()) {
                                arrivals.add(new Arrival(country, found.group(1), System.currentTimeMillis()));
                            }
                        }
                    }));
            if (!opened.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the inbox stream of " + country + " did not open");
            }
        }

        List<Arrival> arrivals() {
            synchronized (arrivals) {
                return List.copyOf(arrivals);
            }
        }

        @Override
        public void close() {
            http.shutdownNow();
        }
    }

    /** A webhook receiver on 127.0.0.1: answers 204 and notes each call's match, or never answers at all. */
    static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private volatile boolean hang;
        private final CountDownLatch released = new CountDownLatch(1);
        private final List<Arrival> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger calls = new AtomicInteger();

        private Receiver(boolean hang) throws IOException {
            this.hang = hang;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            // The hanging receiver holds a thread per call for as long as it runs: virtual threads are cheap there.
            server.setExecutor(
                    hang
                            ? Executors.newVirtualThreadPerTaskExecutor()
                            : Executors.newFixedThreadPool(
                                    8,
                                    Thread.ofPlatform()
                                            .name("webhook-receiver-", 0)
                                            .daemon()
                                            .factory()));
            server.createContext("/hooks/homeward", exchange -> {
                try (exchange) {
                    long at = System.currentTimeMillis();
                    calls.incrementAndGet();
                    var body = new String(
                            exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    if (this.hang) {
                        released.await();
                        return;
                    }
                    var found = MATCH_ID_FIELD.matcher(body);
                    if (found.find()) {
                        arrivals.add(new Arrival("UA", found.group(1), at));
                    }
                    exchange.sendResponseHeaders(204, -1);
                } catch (InterruptedException closing) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        static Receiver answering() throws IOException {
            return new Receiver(false);
        }

        static Receiver hanging() throws IOException {
            return new Receiver(true);
        }

        /** Whether calls from now on hang (true) or are answered 204 (false). */
        void hang(boolean hang) {
            this.hang = hang;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/homeward";
        }

        List<Arrival> arrivals() {
            synchronized (arrivals) {
                return List.copyOf(arrivals);
            }
        }

        int calls() {
            return calls.get();
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
        }
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (var arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
