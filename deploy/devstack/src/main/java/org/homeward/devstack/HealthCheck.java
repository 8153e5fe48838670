package org.homeward.devstack;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./devstack --health}: asks every component of the stack running from a data folder whether it is ready and
 * prints one line each. Exit code 0 when all are, 1 otherwise (or when no stack runs from that folder).
 */
final class HealthCheck {

    private HealthCheck() {}

    static int run(DevstackOptions options, PrintStream out) {
        var dataDir = options.dataDir().toAbsolutePath().normalize();
        var state = StackState.read(dataDir);
        if (state.isEmpty()) {
            out.println("No devstack is running from " + dataDir + " (no " + StackState.file(dataDir)
                    + "). Start one with ./devstack; for another data folder add --data-dir=...");
            return 1;
        }
        var stack = state.get();
        if (!stack.launcherAlive()) {
            out.println("The devstack of " + dataDir + " is gone: its launcher (pid " + stack.launcherPid()
                    + ") has ended. Checking what may be left of it:");
        }
        var ports = Ports.of(stack.countries(), stack.portOffset());
        var probes = StackComponents.probes(ports);
        var addresses = StackComponents.addresses(ports);
        // Probed in parallel: a component that hangs must not hold up the others' lines.
        var answers = new LinkedHashMap<String, CompletableFuture<Answer>>();
        probes.forEach((name, probe) -> answers.put(name, CompletableFuture.supplyAsync(() -> {
            var started = System.nanoTime();
            var problem = probe.problem();
            return new Answer(problem, (System.nanoTime() - started) / 1_000_000);
        })));
        out.printf("%-14s %-14s %-52s %s%n", "COMPONENT", "PID", "ADDRESS", "STATUS");
        var healthy = true;
        for (Map.Entry<String, CompletableFuture<Answer>> entry : answers.entrySet()) {
            var name = entry.getKey();
            var answer = entry.getValue().join();
            var pid = stack.pids().get(name);
            var alive = pid != null
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            var status = answer.problem() == null ? "UP (" + answer.millis() + " ms)" : "DOWN: " + answer.problem();
            if (answer.problem() != null) {
                healthy = false;
            }
            out.printf(
                    "%-14s %-14s %-52s %s%n",
                    name, pid == null ? "-" : pid + (alive ? "" : " (ended)"), addresses.get(name), status);
        }
        out.println(
                healthy
                        ? "All components are healthy."
                        : "Some components are not healthy; their logs are in " + dataDir.resolve("logs"));
        return healthy ? 0 : 1;
    }

    private record Answer(@org.jspecify.annotations.Nullable String problem, long millis) {}
}
