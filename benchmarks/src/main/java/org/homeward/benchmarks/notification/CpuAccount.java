package org.homeward.benchmarks.notification;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time spent between two snapshots, by who spent it: the service, or the servers it shares this JVM with. Run
 * times on this kind of machine vary by half from one run to the next (a fixed single-threaded loop: 1.8-2.8 s), so
 * latency alone hides what a change saved; CPU seconds per burst show it more steadily. Platform threads are counted
 * one by one, sampled every 50 ms so that threads which end meanwhile (an SMTP server's sessions) are counted too;
 * virtual threads are counted on their carriers (the service's attempts and listeners); what the process spent beyond
 * all threads is the JVM's own (JIT compiler, garbage collector), of which the compiler's and the collector's own
 * reckoning is shown.
 */
final class CpuAccount {

    private static final String[][] GROUPS = {
        // thread name prefix, group
        {"ForkJoinPool-", "service: virtual threads (attempts, intake, web)"},
        {"smtp-sender-", "service: SMTP senders"},
        {"group-commit-", "service: group-commit writers"},
        {"outbox-relay", "service: outbox relay"},
        {"kafka-producer-network-thread", "service: Kafka producers"},
        {"HttpClient-", "service: webhook HTTP client"},
        {"webhook-http-", "service: webhook HTTP client"},
        {"notification-", "service: Kafka consumers"},
        {"delivery-", "service: other"},
        {"tomcat-", "service: other"},
        {"ForkJoinPool.commonPool", "service: other"},
        {"mongo-server-", "store: MongoDB wire server"},
        {"smtp:", "SMTP server (GreenMail)"},
        {"webhook-receiver-", "harness: receivers and inbox readers"},
        {"inbox-stream-reader-", "harness: receivers and inbox readers"},
        {"HTTP-Dispatcher", "harness: receivers and inbox readers"},
        {"main", "harness: receivers and inbox readers"},
        {"cpu-account", "harness: receivers and inbox readers"},
    };

    private final Map<Long, Long> threadNanos = new ConcurrentHashMap<>();
    private final Map<Long, String> threadNames = new ConcurrentHashMap<>();
    private final Map<Long, Long> startNanos = new HashMap<>();
    private final long processNanosAtStart;
    private final long compilationMillisAtStart;
    private final long gcMillisAtStart;
    private final Thread sampler;
    private volatile boolean sampling = true;

    private CpuAccount() {
        sample();
        startNanos.putAll(threadNanos);
        processNanosAtStart = processNanos();
        compilationMillisAtStart = compilationMillis();
        gcMillisAtStart = gcMillis();
        sampler = Thread.ofPlatform().name("cpu-account").daemon().start(() -> {
            while (sampling) {
                sample();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
    }

    /** Starts counting. */
    static CpuAccount start() {
        return new CpuAccount();
    }

    private void sample() {
        var threads = ManagementFactory.getThreadMXBean();
        for (var id : threads.getAllThreadIds()) {
            var nanos = threads.getThreadCpuTime(id);
            if (nanos < 0) {
                continue;
            }
            if (threadNanos.put(id, nanos) == null) {
                var info = threads.getThreadInfo(id);
                threadNames.put(id, info == null ? "?" : info.getThreadName());
            }
        }
    }

    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long compilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    /** Stops counting: seconds per group since the start, threads' own first, then the JVM's, then the total. */
    Map<String, Double> stop() {
        sampling = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        sample();
        var seconds = new LinkedHashMap<String, Double>();
        for (var group : GROUPS) {
            seconds.putIfAbsent(group[1], 0.0);
        }
        var kafkaBroker = "Kafka broker";
        seconds.put(kafkaBroker, 0.0);
        seconds.put("other threads", 0.0);
        var threadsTotal = 0.0;
        for (var entry : threadNanos.entrySet()) {
            var spent = (entry.getValue() - startNanos.getOrDefault(entry.getKey(), 0L)) / 1e9;
            threadsTotal += spent;
            var name = threadNames.get(entry.getKey());
            var group = groupOf(name, kafkaBroker);
            seconds.merge(group, spent, Double::sum);
            if (Boolean.getBoolean("cpu-account.show-others") && group.equals("other threads") && spent > 0.01) {
                System.out.printf(Locale.ROOT, "  other thread %s: %.2f s%n", name, spent);
            }
        }
        var total = (processNanos() - processNanosAtStart) / 1e9;
        seconds.put("JVM: compiler and collector threads", total - threadsTotal);
        seconds.put(
                "  of which JIT compilation time (compiler's own reckoning)",
                (compilationMillis() - compilationMillisAtStart) / 1e3);
        seconds.put("  of which GC time (collectors' own reckoning)", (gcMillis() - gcMillisAtStart) / 1e3);
        seconds.put("total", total);
        return seconds;
    }

    private static String groupOf(String name, String kafkaBroker) {
        for (var group : GROUPS) {
            if (name.startsWith(group[0])) {
                return group[1];
            }
        }
        // The embedded broker's request handlers, network, log and controller threads.
        if (name.startsWith("kafka-")
                || name.startsWith("data-plane")
                || name.contains("Reaper")
                || name.contains("controller")
                || name.contains("raft")
                || name.contains("broker")) {
            return kafkaBroker;
        }
        return "other threads";
    }

    static void print(Map<String, Double> seconds, int proposals, long wallMillis) {
        System.out.printf(
                Locale.ROOT,
                "%nCPU from the first send to the last arrival (%.1f s wall, %d cores):%n",
                wallMillis / 1000.0,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| who | CPU s | ms per proposal |");
        System.out.println("|---|---|---|");
        var service = 0.0;
        for (var entry : seconds.entrySet()) {
            if (entry.getKey().startsWith("service:")) {
                service += entry.getValue();
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f |%n",
                    entry.getKey(),
                    entry.getValue(),
                    1000 * entry.getValue() / proposals);
        }
        System.out.printf(Locale.ROOT, "| service, all | %.2f | %.2f |%n", service, 1000 * service / proposals);
    }
}
