package org.homeward.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A component that is one child JVM of the launcher, ready when its probe says so. */
final class ProcessComponent implements Component {

    private static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final String address;
    private final Supplier<Launch> launch;
    private final Probes.Probe probe;
    private final Duration readyTimeout;
    private final Duration stopGrace;
    private final Path workingDir;
    private final Path logFile;
    private volatile @Nullable ChildProcess process;

    /** The command line and the environment variables of one start. */
    record Launch(List<String> command, Map<String, String> environment) {}

    ProcessComponent(
            String name,
            String address,
            Supplier<Launch> launch,
            Probes.Probe probe,
            Duration readyTimeout,
            Duration stopGrace,
            Path workingDir,
            Path logFile) {
        this.name = name;
        this.address = address;
        this.launch = launch;
        this.probe = probe;
        this.readyTimeout = readyTimeout;
        this.stopGrace = stopGrace;
        this.workingDir = workingDir;
        this.logFile = logFile;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        var next = launch.get();
        ChildProcess started;
        try {
            started = ChildProcess.start(next.command(), next.environment(), workingDir, logFile);
        } catch (IOException e) {
            throw new ComponentFailed(name, "its process could not be started (" + e.getMessage() + ")", logFile);
        }
        process = started;
        var deadline = System.nanoTime() + readyTimeout.toNanos();
        try {
            while (true) {
                if (!started.isAlive()) {
                    throw new ComponentFailed(
                            name, "it exited with code " + started.exitCode().orElse(-1), logFile);
                }
                if (probe.problem() == null) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    started.stop(stopGrace);
                    throw new ComponentFailed(
                            name,
                            "it was not ready within " + readyTimeout.toSeconds() + " s (it was stopped)",
                            logFile);
                }
                // Wakes early if the process ends.
                started.awaitExit(POLL);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            started.stop(stopGrace);
            throw new ComponentFailed(name, "its start was interrupted (it was stopped)", logFile);
        }
    }

    @Override
    public boolean isAlive() {
        var current = process;
        return current != null && current.isAlive();
    }

    @Override
    public OptionalLong pid() {
        var current = process;
        return current != null && current.isAlive() ? OptionalLong.of(current.pid()) : OptionalLong.empty();
    }

    @Override
    public void stop() {
        var current = process;
        if (current != null) {
            current.stop(stopGrace);
        }
    }

    @Override
    public void kill() {
        var current = process;
        if (current != null) {
            current.kill();
        }
    }

    @Override
    public @Nullable String problem() {
        if (!isAlive()) {
            return "not running";
        }
        return probe.problem();
    }
}
