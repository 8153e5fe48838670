package org.homeward.benchmarks.proposals;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.contracts.ContractCatalogue;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.ApproximateDate;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ContactRouting;
import org.homeward.contracts.childrecord.NameUse;
import org.homeward.contracts.childrecord.PersonName;
import org.homeward.contracts.childrecord.Place;
import org.homeward.contracts.childrecord.RecordKind;
import org.homeward.contracts.childrecord.RecordStatus;
import org.homeward.contracts.childrecord.Relationship;
import org.homeward.contracts.childrecord.Relative;
import org.homeward.contracts.childrecord.Sex;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.matching.MatchingApplication;
import org.homeward.matching.engine.text.Kmu2010;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Latency of the matching service from a record event on a registry's topic to the {@code MatchProposed} on the matches
 * topic, under an open-loop load of record events at a fixed rate. The service, a KRaft broker and a MongoDB wire
 * server with its H2 file backend share this one JVM and machine.
 *
 * <p>Each synthetic child (syllable names) gets a missing report filed in Ukraine in Cyrillic and, some seconds later,
 * a registration in Poland in the KMU 2010 Latin spelling; unrelated registrations fill the rest of the rate. The
 * latency of a pair is the arrival of its {@code MatchProposed} at a consumer of the matches topic minus the send time
 * of the registration that completed it. Before the load, {@code --preload} unrelated records fill the index.
 *
 * <p>Arguments: {@code --rate=50 --seconds=60 --warmup-seconds=20 --preload=3000 --pair-delay-seconds=5}.
 */
public final class MatchingLatency {

    private static final String GROUP = "matching-latency";
    private static final List<String> COUNTRIES = List.of("UA", "PL", "DE");

    private MatchingLatency() {}

    public static void main(String[] args) throws Exception {
        var options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "20"));
        int preload = Integer.parseInt(options.getOrDefault("preload", "3000"));
        int pairDelay = Integer.parseInt(options.getOrDefault("pair-delay-seconds", "5"));

        var data = Files.createTempDirectory("homeward-matching-latency");
        var topics = new ArrayList<String>();
        COUNTRIES.forEach(country -> topics.add(Topics.registryRecords(country)));
        topics.add(Topics.MATCHES);
        var kafka = new EmbeddedKafkaKraftBroker(1, 6, topics.toArray(String[]::new));
        kafka.afterPropertiesSet();
        var mongo = new MongoServer(new H2Backend(data.resolve("mongo.mv").toString()));
        mongo.bind("127.0.0.1", 0);
        var matching = SpringApplication.from(MatchingApplication::main)
                .with(TestSecurityConfiguration.class)
                .run(
                        "--spring.config.location=" + ownConfiguration(MatchingApplication.class),
                        "--server.port=0",
                        "--spring.mongodb.uri=mongodb://127.0.0.1:"
                                + mongo.getLocalAddress().getPort() + "/matching-latency",
                        "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "--homeward.matching.intake.group-id=" + GROUP,
                        "--homeward.matching.intake.topic-discovery-interval=1s",
                        "--logging.level.root=WARN");
        var context = matching.getApplicationContext();
        try (var records = new RecordProducer(kafka.getBrokersAsString());
                var proposals = new ProposalClock(kafka.getBrokersAsString())) {
            var children = new Children(RandomGenerator.of("L64X128MixRandom"));
            long preloadStarted = System.nanoTime();
            for (int i = 0; i < preload; i++) {
                records.send(i % 2 == 0 ? children.unrelatedReport() : children.unrelatedRegistration());
            }
            records.flush();
            awaitConsumed(kafka.getBrokersAsString(), Duration.ofMinutes(10));
            System.out.printf(
                    Locale.ROOT,
                    "Preloaded %d records in %.1f s%n",
                    preload,
                    (System.nanoTime() - preloadStarted) / 1e9);

            var schedule = new Schedule(rate, warmupSeconds + seconds, pairDelay, children);
            System.out.printf(
                    Locale.ROOT,
                    "Load: %d records/s for %d s (the first %d s are warm-up), pairs completed %d s after the report%n",
                    rate,
                    warmupSeconds + seconds,
                    warmupSeconds,
                    pairDelay);
            var timerBefore = serviceTimer(context.getBean(MeterRegistry.class));
            var sent = schedule.run(records, proposals, warmupSeconds);
            proposals.awaitAll(sent.measured().keySet(), Duration.ofSeconds(60));
            var timerAfter = serviceTimer(context.getBean(MeterRegistry.class));

            var latencies = new ArrayList<Long>();
            for (var pair : sent.measured().entrySet()) {
                Long arrived = proposals.arrival(pair.getKey());
                if (arrived != null) {
                    latencies.add(arrived - pair.getValue());
                }
            }
            var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.println();
            System.out.println(
                    "| offered/s | achieved/s | proposals expected | received | p50 ms | p99 ms | max ms | other proposals |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.1f | %d | %d | %.0f | %.0f | %.0f | %d |%n",
                    rate,
                    sent.achievedRate(),
                    sent.measured().size(),
                    sorted.length,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                    proposals.unexpected());
            System.out.printf(
                    Locale.ROOT,
                    "%nService timer homeward.matching.proposal.latency (Kafka timestamp -> proposal in the outbox;"
                            + " decaying window, so mostly the measured run): %d recorded during the load, p50 %.0f ms,"
                            + " p99 %.0f ms%n",
                    timerAfter.count() - timerBefore.count(),
                    timerAfter.p50(),
                    timerAfter.p99());
        } finally {
            context.close();
            kafka.destroy();
            mongo.shutdown();
        }
        System.exit(0);
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

    private record TimerFigures(long count, double p50, double p99) {}

    private static TimerFigures serviceTimer(MeterRegistry meters) {
        var timer = meters.find("homeward.matching.proposal.latency").timer();
        if (timer == null) {
            return new TimerFigures(0, Double.NaN, Double.NaN);
        }
        var snapshot = timer.takeSnapshot();
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (var value : snapshot.percentileValues()) {
            if (value.percentile() == 0.5) {
                p50 = value.value(TimeUnit.MILLISECONDS);
            } else if (value.percentile() == 0.99) {
                p99 = value.value(TimeUnit.MILLISECONDS);
            }
        }
        return new TimerFigures(timer.count(), p50, p99);
    }

    static double percentile(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    /** Waits until the service's consumer group committed every message on the registries' topics. */
    private static void awaitConsumed(String bootstrapServers, Duration timeout) throws Exception {
        try (var admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var partitions = new HashMap<TopicPartition, OffsetSpec>();
            for (var country : COUNTRIES) {
                for (int partition = 0; partition < 6; partition++) {
                    partitions.put(new TopicPartition(Topics.registryRecords(country), partition), OffsetSpec.latest());
                }
            }
            var ends = admin.listOffsets(partitions).all().get();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get();
                boolean done = ends.entrySet().stream().allMatch(end -> {
                    var offset = committed.get(end.getKey());
                    return end.getValue().offset() == 0
                            || (offset != null
                                    && offset.offset() >= end.getValue().offset());
                });
                if (done) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the service did not consume the preloaded records in time");
        }
    }

    /** What the open-loop schedule sent: the achieved rate and, per measured pair, the completing event's send time. */
    record Sent(double achievedRate, Map<String, Long> measured) {}

    /**
     * The fixed-rate schedule: per second, {@code rate * 2/5} reports of new children, as many registrations of the
     * children reported {@code pairDelay} seconds earlier (unrelated registrations before there are any), and
     * unrelated records for the rest, shuffled within the second.
     */
    static final class Schedule {
        private final int rate;
        private final int seconds;
        private final int pairDelay;
        private final Children children;
        private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

        Schedule(int rate, int seconds, int pairDelay, Children children) {
            this.rate = rate;
            this.seconds = seconds;
            this.pairDelay = pairDelay;
            this.children = children;
        }

        Sent run(RecordProducer records, ProposalClock proposals, int warmupSeconds) {
            int pairsPerSecond = rate * 2 / 5;
            var reported = new ArrayList<List<Child>>();
            var measured = new ConcurrentHashMap<String, Long>();
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long measuredStart = 0;
            int measuredSent = 0;
            for (int second = 0; second < seconds; second++) {
                if (second == warmupSeconds) {
                    measuredStart = System.nanoTime();
                }
                var slots = new ArrayList<Slot>(rate);
                var newChildren = new ArrayList<Child>(pairsPerSecond);
                for (int i = 0; i < pairsPerSecond; i++) {
                    var child = children.next();
                    newChildren.add(child);
                    slots.add(new Slot(child.report(), null));
                }
                reported.add(newChildren);
                var due = second >= pairDelay ? reported.get(second - pairDelay) : List.<Child>of();
                for (int i = 0; i < pairsPerSecond; i++) {
                    slots.add(
                            i < due.size()
                                    ? new Slot(due.get(i).registration(), due.get(i))
                                    : new Slot(children.unrelatedRegistration(), null));
                }
                while (slots.size() < rate) {
                    slots.add(new Slot(
                            random.nextBoolean() ? children.unrelatedReport() : children.unrelatedRegistration(),
                            null));
                }
                java.util.Collections.shuffle(slots, java.util.Random.from(random));
                for (int i = 0; i < slots.size(); i++) {
                    long dueAt = start + ((long) second * rate + i) * interval;
                    long wait = dueAt - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    var slot = slots.get(i);
                    if (slot.completes() != null) {
                        proposals.expect(
                                slot.completes().reportId(), slot.completes().registrationId());
                    }
                    long sentAt = records.send(slot.event());
                    if (second >= warmupSeconds) {
                        measuredSent++;
                        if (slot.completes() != null) {
                            measured.put(slot.completes().registrationId(), sentAt);
                        }
                    }
                }
            }
            double elapsed = (System.nanoTime() - measuredStart) / 1e9;
            return new Sent(measuredSent / elapsed, measured);
        }

        private record Slot(
                ChildRecordRegistered event, @Nullable Child completes) {}
    }

    /** One synthetic child: a missing report in Cyrillic and a registration of the same child in Latin spelling. */
    record Child(ChildRecordRegistered report, ChildRecordRegistered registration) {
        String reportId() {
            return report.getProfile().getRecordId().toString();
        }

        String registrationId() {
            return registration.getProfile().getRecordId().toString();
        }
    }

    /** Obviously synthetic children: names of random Cyrillic syllables, romanised with KMU 2010 where registered. */
    static final class Children {
        private static final String[] SYLLABLES = {
            "ба", "во", "ге", "да", "ки", "ло", "ма", "ні", "ор", "пе", "ру", "са", "та", "ус", "фе", "ха", "ці", "чо",
            "ша", "ян", "юр", "ле", "ми", "ко", "ро", "ду", "зі", "ве", "на", "бу"
        };
        private static final String[] FAMILY_ENDINGS = {"енко", "ук", "ич", "ко", "ак", "ин"};
        private static final String[] PLACES = {"Тестопіль", "Синтетівка", "Пробоград", "Макетне", "Зразкове"};

        private final RandomGenerator random;

        Children(RandomGenerator random) {
            this.random = random;
        }

        Child next() {
            var person = person();
            return new Child(
                    registered("UA", RecordKind.MISSING_REPORT, person, false),
                    registered("PL", RecordKind.REGISTRATION, person, true));
        }

        ChildRecordRegistered unrelatedReport() {
            return registered("UA", RecordKind.MISSING_REPORT, person(), false);
        }

        ChildRecordRegistered unrelatedRegistration() {
            return registered(random.nextBoolean() ? "PL" : "DE", RecordKind.REGISTRATION, person(), true);
        }

        private record Person(
                String given, String family, String mother, boolean female, LocalDate born, String place) {}

        private Person person() {
            boolean female = random.nextBoolean();
            String given = capitalise(syllables(2 + random.nextInt(2)) + (female ? "а" : ""));
            String family = capitalise(syllables(2) + FAMILY_ENDINGS[random.nextInt(FAMILY_ENDINGS.length)]);
            return new Person(
                    given,
                    family,
                    capitalise(syllables(2) + "а"),
                    female,
                    LocalDate.of(2008, 1, 1).plusDays(random.nextInt(15 * 365)),
                    PLACES[random.nextInt(PLACES.length)]);
        }

        private static ChildRecordRegistered registered(
                String country, RecordKind kind, Person person, boolean romanised) {
            var script = romanised ? "Latn" : "Cyrl";
            var profile = TracingProfile.newBuilder()
                    .setRecordId(UUID.randomUUID())
                    .setKind(kind)
                    .setStatus(RecordStatus.OPEN)
                    .setNames(List.of(new PersonName(
                            spelled(person.given(), romanised),
                            spelled(person.family(), romanised),
                            null,
                            script,
                            null,
                            NameUse.PRIMARY)))
                    .setSex(person.female() ? Sex.FEMALE : Sex.MALE)
                    .setBirthDate(new ApproximateDate(
                            person.born().getYear(),
                            person.born().getMonthValue(),
                            person.born().getDayOfMonth()))
                    .setEstimatedAge(null)
                    .setBirthPlace(new Place(spelled(person.place(), romanised), null))
                    .setRelatives(List.of(new Relative(
                            Relationship.MOTHER,
                            new PersonName(
                                    spelled(person.mother(), romanised),
                                    spelled(person.family(), romanised),
                                    null,
                                    script,
                                    null,
                                    NameUse.PRIMARY))))
                    .setRecordedOn(LocalDate.of(2022, 6, 1))
                    .setOwner(new ContactRouting(country, "LATENCY-AGENCY-" + country))
                    .setDocumentHashes(List.of())
                    .setUrgent(false)
                    .build();
            var metadata = new EventMetadata(
                    UUID.randomUUID(),
                    Instant.now(),
                    country,
                    ContractCatalogue.standard()
                            .contract(ChildRecordRegistered.class)
                            .version(),
                    1L);
            return new ChildRecordRegistered(metadata, profile);
        }

        private static String spelled(String cyrillic, boolean romanised) {
            return romanised ? Kmu2010.romanise(cyrillic) : cyrillic;
        }

        private String syllables(int count) {
            var name = new StringBuilder();
            for (int i = 0; i < count; i++) {
                name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            return name.toString();
        }

        private static String capitalise(String name) {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    /** Publishes record events as a registry does (its country's topic, keyed by record id), without waiting. */
    static final class RecordProducer implements AutoCloseable {
        private final ContractCodec codec = new ContractCodec();
        private final KafkaProducer<String, byte[]> producer;
        private final AtomicInteger failures = new AtomicInteger();

        RecordProducer(String bootstrapServers) {
            producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrapServers,
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.LINGER_MS_CONFIG,
                            0),
                    new StringSerializer(),
                    new ByteArraySerializer());
        }

        /** Sends the event (open loop: the ack is not awaited) and returns the send time, in nanoTime. */
        long send(ChildRecordRegistered event) {
            var country = event.getMetadata().getSourceCountry();
            var bytes = codec.encode(event);
            long sentAt = System.nanoTime();
            producer.send(
                    new ProducerRecord<>(
                            Topics.registryRecords(country),
                            event.getProfile().getRecordId().toString(),
                            bytes),
                    (metadata, failure) -> {
                        if (failure != null) {
                            failures.incrementAndGet();
                        }
                    });
            return sentAt;
        }

        void flush() {
            producer.flush();
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " record events were not accepted by the broker");
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /**
     * Consumes the matches topic from now on, decodes every message, and notes when the first {@code MatchProposed} of
     * each expected pair arrived, by the registration's record id.
     */
    static final class ProposalClock implements AutoCloseable {
        private final Map<String, String> expected = new ConcurrentHashMap<>();
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final AtomicInteger unexpected = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread poller;

        ProposalClock(String bootstrapServers) {
            var codec = new ContractCodec();
            var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                    10));
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MATCHES).stream()
                    .map(info -> new TopicPartition(Topics.MATCHES, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            poller = Thread.ofPlatform().name("proposal-clock").start(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (var record : consumer.poll(Duration.ofMillis(50))) {
                            long arrived = System.nanoTime();
                            if (codec.decode(record.value()) instanceof MatchProposed proposed) {
                                on(proposed, arrived);
                            }
                        }
                    }
                }
            });
        }

        void expect(String reportId, String registrationId) {
            expected.put(registrationId, reportId);
        }

        private void on(MatchProposed proposed, long arrived) {
            var left = proposed.getLeft().getRecordId().toString();
            var right = proposed.getRight().getRecordId().toString();
            if (left.equals(expected.get(right))) {
                arrivals.putIfAbsent(right, arrived);
            } else if (right.equals(expected.get(left))) {
                arrivals.putIfAbsent(left, arrived);
            } else {
                unexpected.incrementAndGet();
            }
        }

        @Nullable
        Long arrival(String registrationId) {
            return arrivals.get(registrationId);
        }

        int unexpected() {
            return unexpected.get();
        }

        void awaitAll(java.util.Set<String> registrationIds, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!arrivals.keySet().containsAll(registrationIds) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            poller.join();
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
