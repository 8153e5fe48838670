package org.homeward.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.homeward.devstack.seed.Seeding;

/**
 * The one-command local stack: {@code ./devstack} runs {@link #main}. {@link #start(DevstackOptions)} is the same for
 * system tests: it returns a {@link RunningDevstack} to drive and close.
 */
public final class Devstack {

    private Devstack() {}

    public static void main(String[] args) {
        // Before anything touches SLF4J: the launcher's own Kafka client logs only errors.
        System.setProperty("logback.configurationFile", "devstack-logback.xml");
        var out = System.out;
        DevstackOptions.CommandLine commandLine;
        try {
            commandLine = DevstackOptions.parse(List.of(args), installDir());
        } catch (IllegalArgumentException badFlag) {
            System.err.println("devstack: " + badFlag.getMessage());
            System.err.println();
            System.err.print(DevstackOptions.usage());
            System.exit(2);
            return;
        }
        switch (commandLine.action()) {
            case HELP -> out.print(DevstackOptions.usage());
            case HEALTH -> System.exit(HealthCheck.run(commandLine.options(), out));
            case TOKEN -> System.exit(Tokens.print(commandLine.options(), commandLine.argument(), out));
            case RUN -> run(commandLine.options(), out);
        }
    }

    private static void run(DevstackOptions options, PrintStream out) {
        var stopped = new CountDownLatch(1);
        var holder = new RunningDevstack[1];
        var stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.set(true);
                            synchronized (holder) {
                                if (holder[0] != null) {
                                    holder[0].close();
                                }
                            }
                            stopped.countDown();
                        },
                        "devstack-stop"));
        try {
            var running = start(options, out, stack -> {
                synchronized (holder) {
                    holder[0] = stack;
                }
            });
            Summary.print(running, out);
        } catch (RuntimeException failure) {
            if (stopping.get()) {
                // Ctrl-C during the start: the shutdown hook stops what was started.
                return;
            }
            System.err.println();
            System.err.println("devstack: " + failure.getMessage());
            System.exit(1);
        }
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a stack and returns once every component is ready and the data folder is seeded (on its first start,
     * unless the options say not to). Progress goes to standard output.
     *
     * @throws PortTaken if a port is in use (nothing was started)
     * @throws ComponentFailed if a component exits or is not ready in time (everything started was stopped)
     * @throws IllegalStateException if the build is missing or another stack uses the data folder
     */
    public static RunningDevstack start(DevstackOptions options) {
        return start(options, System.out, stack -> {});
    }

    /** As {@link #start(DevstackOptions)}, with progress to {@code out}. */
    public static RunningDevstack start(DevstackOptions options, PrintStream out) {
        return start(options, out, stack -> {});
    }

    private static RunningDevstack start(
            DevstackOptions options, PrintStream out, java.util.function.Consumer<RunningDevstack> created) {
        requireInstalled(options.installDir());
        var dataDir = options.dataDir().toAbsolutePath().normalize();
        FileChannel lockChannel;
        java.nio.channels.FileLock lock;
        try {
            Files.createDirectories(dataDir);
            lockChannel = FileChannel.open(
                    dataDir.resolve("devstack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the data folder " + dataDir, e);
        }
        if (lock == null) {
            throw new IllegalStateException("Another devstack is running with the data folder " + dataDir
                    + ". Stop it first (Ctrl-C in its terminal), or start this one with --data-dir=<other folder>"
                    + " --port-offset=<N>.");
        }
        RunningDevstack running;
        try {
            var taken = options.ports().firstTaken();
            if (taken.isPresent()) {
                throw new PortTaken(taken.get().user(), taken.get().port());
            }
            if (options.reset()) {
                reset(dataDir);
                out.println("Reset: wiped the data in " + dataDir);
            }
            var launcherPid = ProcessHandle.current().pid();
            var agent = ParentWatchAgent.write(dataDir.resolve("run"));
            var stack = new StackComponents(options, dataDir, agent, launcherPid);
            stack.keysets().generateIfMissing(options.countries());
            running = new RunningDevstack(options, dataDir, stack.all(), out, lockChannel, lock, launcherPid);
        } catch (RuntimeException failure) {
            release(lockChannel);
            throw failure;
        }
        created.accept(running);
        try {
            running.startAll();
            var endpoints = running.endpoints();
            var users = CountryUsers.ensure(endpoints.keycloak(), options.countries());
            running.users(users);
            if (options.seed()) {
                running.seed(Seeding.seedOnce(
                        endpoints.issuer(), endpoints.registries(), endpoints.notification(), users, dataDir, out));
            } else {
                Seeding.read(dataDir).ifPresent(running::seed);
            }
            return running;
        } catch (RuntimeException failure) {
            running.close();
            throw failure;
        }
    }

    private static void release(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing the channel releases the lock; the process ending does too.
        }
    }

    /** The build's output folder: {@code deploy/devstack/target}, found from where this class was loaded. */
    static Path installDir() {
        var property = System.getProperty("homeward.devstack.install-dir");
        if (property != null) {
            return Path.of(property).toAbsolutePath();
        }
        try {
            var classes = Path.of(Devstack.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // target/classes (launcher, tests) or target/devstack-*.jar
            return classes.toAbsolutePath().getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("deploy/devstack/target").toAbsolutePath();
        }
    }

    private static void requireInstalled(Path installDir) {
        var missing = new ArrayList<String>();
        for (var file : List.of(
                "classpath.txt",
                "services/registry-service.jar",
                "services/matching-service.jar",
                "services/notification-service.jar",
                "keycloak/keycloak-quarkus-dist.zip",
                "greenmail-standalone.jar")) {
            if (!Files.isRegularFile(installDir.resolve(file))) {
                missing.add(file);
            }
        }
        if (!Files.isRegularFile(StackComponents.realmFile(installDir))) {
            missing.add(StackComponents.realmFile(installDir).toString());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The build is incomplete (missing in " + installDir + ": "
                    + String.join(", ", missing) + "). Run ./devstack --build.");
        }
    }

    /**
     * Wipes the data folder except the lock and Keycloak's unpacked program: its database goes, but unpacking and
     * building Keycloak again would only cost a minute and change nothing.
     */
    static void reset(Path dataDir) {
        var keycloakHome = dataDir.resolve("keycloak");
        var keycloakData = keycloakHome.resolve("data");
        try {
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!keep(file)) {
                        Files.delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (!dir.equals(dataDir) && !keep(dir)) {
                        try (var left = Files.list(dir)) {
                            if (left.findAny().isEmpty()) {
                                Files.delete(dir);
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                private boolean keep(Path path) {
                    if (path.equals(dataDir.resolve("devstack.lock"))) {
                        return true;
                    }
                    return path.startsWith(keycloakHome) && !path.startsWith(keycloakData);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not wipe " + dataDir, e);
        }
    }
}
