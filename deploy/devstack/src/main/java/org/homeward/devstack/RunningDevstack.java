package org.homeward.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.homeward.devstack.keycloak.DemoIdentities;
import org.homeward.devstack.seed.SeedSummary;
import org.jspecify.annotations.Nullable;

/**
 * A started stack: where its components are reached, and control over each of them for system tests (stop, kill as
 * a crash would, start again with the same settings). {@link #close()} stops every component in reverse start order;
 * a component's own shutdown takes at most its grace time, then it is killed.
 */
public final class RunningDevstack implements AutoCloseable {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(20);

    private final DevstackOptions options;
    private final Path dataDir;
    private final Endpoints endpoints;
    private final Map<String, Component> components;
    private final PrintStream out;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long launcherPid;
    private final ExecutorService starters;
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final List<CompletableFuture<Void>> starts = new ArrayList<>();
    private final Object lifecycle = new Object();
    private volatile boolean closing;
    private boolean closed;
    private @Nullable Thread monitor;
    private @Nullable SeedSummary seed;
    private List<DemoIdentities.DemoUser> users = DemoIdentities.USERS;

    RunningDevstack(
            DevstackOptions options,
            Path dataDir,
            Map<String, Component> components,
            PrintStream out,
            FileChannel lockChannel,
            FileLock lock,
            long launcherPid) {
        this.options = options;
        this.dataDir = dataDir;
        this.endpoints = Endpoints.of(options.ports());
        this.components = new LinkedHashMap<>(components);
        this.out = out;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.launcherPid = launcherPid;
        this.starters = Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "devstack-start");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where every component is reached. */
    public Endpoints endpoints() {
        return endpoints;
    }

    public DevstackOptions options() {
        return options;
    }

    /** The data folder (absolute). */
    public Path dataDir() {
        return dataDir;
    }

    /** The folder holding one log file per component. */
    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    /** The names of every component, in start order: kafka, mongo, mail, keycloak, registry-ua, ..., notification. */
    public List<String> components() {
        return List.copyOf(components.keySet());
    }

    /** A component's log file. */
    public Path logFile(String component) {
        return component(component).logFile();
    }

    /** Whether a component's process runs. */
    public boolean isAlive(String component) {
        return component(component).isAlive();
    }

    /** A component's main process id, while it runs. */
    public OptionalLong pid(String component) {
        return component(component).pid();
    }

    /** Stops a component cleanly (SIGTERM, then SIGKILL after its grace time). */
    public void stop(String component) {
        down.add(component);
        component(component).stop();
        writeState();
    }

    /** Kills a component with SIGKILL, as a crash would. */
    public void kill(String component) {
        down.add(component);
        component(component).kill();
        writeState();
    }

    /**
     * Starts a stopped or killed component again with the same settings and returns once it is ready.
     *
     * @throws ComponentFailed if it does not become ready
     */
    public void start(String component) {
        var started = System.nanoTime();
        component(component).start();
        down.remove(component);
        writeState();
        out.printf("%s ready in %d s%n", component, seconds(started));
    }

    /**
     * Asks every component whether it is ready, in start order.
     *
     * @return each component's problem, or null for a healthy one
     */
    public Map<String, @Nullable String> health() {
        var health = new LinkedHashMap<String, @Nullable String>();
        components.forEach((name, component) -> health.put(name, component.problem()));
        return health;
    }

    /** The synthetic records and planted cross-border pairs of this data folder, once it has been seeded. */
    public Optional<SeedSummary> seed() {
        return Optional.ofNullable(seed);
    }

    void seed(SeedSummary summary) {
        this.seed = summary;
    }

    /** The demo users (password {@link DemoIdentities#PASSWORD}): the realm's, and those made for extra countries. */
    public List<DemoIdentities.DemoUser> users() {
        return users;
    }

    void users(List<DemoIdentities.DemoUser> all) {
        this.users = List.copyOf(all);
    }

    /** Starts every component, infrastructure first; returns when all are ready. On a failure stops all and throws. */
    void startAll() {
        var begin = System.nanoTime();
        var total = components.size();
        var ready = new AtomicInteger();
        var futures = new LinkedHashMap<String, CompletableFuture<Void>>();
        out.printf(
                "Starting %s (the first start unpacks and builds Keycloak: allow 2-3 minutes)%n",
                String.join(", ", StackComponents.infrastructure()));
        for (var name : StackComponents.infrastructure()) {
            futures.put(name, startAsync(name, ready, total, CompletableFuture.completedFuture(null)));
        }
        // Services need the broker and the database at start-up; they fetch Keycloak's keys only on the first
        // request, so they start while Keycloak is still starting.
        var base = CompletableFuture.allOf(futures.get(StackComponents.KAFKA), futures.get(StackComponents.MONGO))
                .thenRun(() -> out.printf(
                        "Starting %s%n",
                        String.join(
                                ", ",
                                components.keySet().stream()
                                        .filter(name -> !StackComponents.infrastructure()
                                                .contains(name))
                                        .toList())));
        for (var name : components.keySet()) {
            if (!futures.containsKey(name)) {
                futures.put(name, startAsync(name, ready, total, base));
            }
        }
        var firstFailure = new CompletableFuture<Void>();
        futures.values()
                .forEach(future -> future.whenComplete((done, failure) -> {
                    if (failure != null) {
                        firstFailure.completeExceptionally(failure);
                    }
                }));
        CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new))
                .whenComplete((done, failure) -> firstFailure.complete(null));
        while (true) {
            try {
                firstFailure.get(PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException stillStarting) {
                var waiting = futures.entrySet().stream()
                        .filter(entry -> !entry.getValue().isDone())
                        .map(Map.Entry::getKey)
                        .toList();
                out.printf("      still starting after %d s: %s%n", seconds(begin), String.join(", ", waiting));
            } catch (ExecutionException failed) {
                throw unwrap(failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the stack");
            }
        }
        writeState();
        startMonitor();
    }

    private CompletableFuture<Void> startAsync(
            String name, AtomicInteger ready, int total, CompletableFuture<?> after) {
        var future = after.thenRunAsync(
                () -> {
                    synchronized (lifecycle) {
                        if (closing) {
                            throw new IllegalStateException("the stack is stopping");
                        }
                    }
                    var started = System.nanoTime();
                    component(name).start();
                    if (!closing) {
                        out.printf(
                                "[%d/%d] %s ready in %d s%n", ready.incrementAndGet(), total, name, seconds(started));
                    }
                },
                starters);
        synchronized (starts) {
            starts.add(future);
        }
        return future;
    }

    private static RuntimeException unwrap(Throwable failure) {
        var cause = failure;
        while (cause instanceof CompletionException || cause instanceof ExecutionException) {
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** Tells the developer when a component ends that nobody stopped. */
    private void startMonitor() {
        var thread = new Thread(
                () -> {
                    var reported = ConcurrentHashMap.<String>newKeySet();
                    while (!closing) {
                        components.forEach((name, component) -> {
                            if (!closing && !down.contains(name) && !component.isAlive() && reported.add(name)) {
                                out.printf(
                                        "%n!! %s has stopped on its own. Its log: %s%n%s%n",
                                        name, component.logFile(), LogTail.of(component.logFile(), 10));
                            } else if (component.isAlive()) {
                                reported.remove(name);
                            }
                        });
                        try {
                            Thread.sleep(2000);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                },
                "devstack-monitor");
        thread.setDaemon(true);
        thread.start();
        monitor = thread;
    }

    private void writeState() {
        if (closing) {
            return;
        }
        var pids = new LinkedHashMap<String, Long>();
        components.forEach((name, component) -> component.pid().ifPresent(pid -> pids.put(name, pid)));
        new StackState(options.countries(), options.portOffset(), launcherPid, pids).write(dataDir);
    }

    /** Stops every component in reverse start order and releases the data folder. Safe to call more than once. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closing = true;
            closed = true;
        }
        var current = monitor;
        if (current != null) {
            current.interrupt();
        }
        StackState.remove(dataDir);
        // Taken first: Keycloak is no session leader of its own, so Ctrl-C in a terminal reaches it directly too.
        var alive = components.values().stream()
                .filter(Component::isAlive)
                .map(Component::name)
                .collect(java.util.stream.Collectors.toSet());
        var running = !alive.isEmpty();
        if (running) {
            out.println("Stopping the stack...");
        }
        stopAll(alive);
        // A start still in flight may have launched its process after the pass above; wait, then sweep again.
        List<CompletableFuture<Void>> inFlight;
        synchronized (starts) {
            inFlight = List.copyOf(starts);
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException expected) {
            // Failed starts are what brought us here; whatever still runs is swept below.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        stopAll(Set.of());
        starters.shutdownNow();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
        if (running) {
            out.println("Stopped. The data stays in " + dataDir + " (--reset wipes it).");
        }
    }

    /** Stops every component in reverse start order, and tells about those named in {@code report}. */
    private void stopAll(Set<String> report) {
        var reversed = new ArrayList<>(components.values());
        java.util.Collections.reverse(reversed);
        for (var component : reversed) {
            var started = System.nanoTime();
            try {
                component.stop();
            } catch (RuntimeException e) {
                out.printf("  %s did not stop cleanly: %s%n", component.name(), e.getMessage());
            }
            if (report.contains(component.name())) {
                out.printf("  stopped %s (%.1f s)%n", component.name(), (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private Component component(String name) {
        var component = components.get(name);
        if (component == null) {
            throw new IllegalArgumentException("no component " + name + "; the components are " + components.keySet());
        }
        return component;
    }

    private static long seconds(long sinceNanos) {
        return Math.round((System.nanoTime() - sinceNanos) / 1e9);
    }
}
