package org.homeward.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.homeward.devstack.keycloak.KeycloakServer;
import org.homeward.devstack.keycloak.KeycloakStartFailed;
import org.jspecify.annotations.Nullable;

/**
 * Keycloak as a component of the stack, started by {@link KeycloakServer} ({@code kc.sh} and the JVM it forks).
 * Keycloak's JVM cannot load the launcher's watch agent ({@code kc.sh} builds its own command line), so a small shell
 * process stops {@code kc.sh} and its JVM if the launcher disappears without stopping them.
 */
final class KeycloakComponent implements Component {

    private final KeycloakServer.Settings settings;
    private final long launcherPid;
    private final Probes.Probe probe;
    private volatile @Nullable KeycloakServer server;
    private volatile @Nullable Process reaper;

    KeycloakComponent(KeycloakServer.Settings settings, long launcherPid, Probes.Probe probe) {
        this.settings = settings;
        this.launcherPid = launcherPid;
        this.probe = probe;
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public Path logFile() {
        return settings.logFile();
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + settings.httpPort() + "/";
    }

    @Override
    public void start() {
        if (isAlive()) {
            throw new IllegalStateException("keycloak is already running");
        }
        KeycloakServer started;
        try {
            started = KeycloakServer.start(settings);
        } catch (KeycloakStartFailed failed) {
            throw new ComponentFailed(name(), reasonOf(failed), settings.logFile());
        }
        server = started;
        reaper = startReaper(started);
    }

    private static String reasonOf(KeycloakStartFailed failed) {
        var message = failed.getMessage();
        var prefix = "Keycloak did not start: ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : "" + message;
    }

    @Override
    public boolean isAlive() {
        var current = server;
        return current != null && current.isAlive();
    }

    @Override
    public OptionalLong pid() {
        var current = server;
        return current != null && current.isAlive() ? OptionalLong.of(current.pid()) : OptionalLong.empty();
    }

    @Override
    public void stop() {
        var current = server;
        if (current != null) {
            current.close();
            server = null;
        } else {
            // Still starting: KeycloakServer.start() gives no handle until it is ready, so end the kc.sh of this
            // stack (found by its home directory); start() then fails at once instead of waiting to be ready.
            launchedHere().forEach(KeycloakComponent::destroyTree);
        }
        stopReaper();
    }

    @Override
    public void kill() {
        var current = server;
        if (current != null) {
            ProcessHandle.of(current.pid()).ifPresent(handle -> {
                var all = new ArrayList<ProcessHandle>();
                handle.descendants().forEach(all::add);
                all.add(handle);
                all.forEach(ProcessHandle::destroyForcibly);
                all.forEach(each -> each.onExit().join());
            });
            server = null;
        }
        stopReaper();
    }

    @Override
    public @Nullable String problem() {
        return isAlive() ? probe.problem() : "not running";
    }

    private List<ProcessHandle> launchedHere() {
        var kcSh = settings.home().toAbsolutePath().resolve("bin/kc.sh").toString();
        return ProcessHandle.current()
                .children()
                .filter(child ->
                        child.info().arguments().map(List::of).orElse(List.of()).contains(kcSh)
                                || child.info().command().map(kcSh::equals).orElse(false))
                .toList();
    }

    private static void destroyTree(ProcessHandle root) {
        var all = new ArrayList<ProcessHandle>();
        root.descendants().forEach(all::add);
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        for (var handle : all) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
    }

    /** A shell loop that SIGTERMs kc.sh and its JVM once the launcher's process is gone, then SIGKILLs them. */
    private @Nullable Process startReaper(KeycloakServer started) {
        var pids = new ArrayList<Long>();
        ProcessHandle.of(started.pid())
                .ifPresent(handle -> handle.descendants().forEach(descendant -> pids.add(descendant.pid())));
        pids.add(started.pid());
        var list = pids.stream().map(String::valueOf).collect(Collectors.joining(" "));
        var script = "while kill -0 " + launcherPid + " 2>/dev/null; do sleep 2; done; " + "kill -TERM " + list
                + " 2>/dev/null; sleep 20; kill -KILL " + list + " 2>/dev/null";
        var command = new ArrayList<String>();
        if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of("/bin/sh", "-c", script));
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noShell) {
            return null;
        }
    }

    private void stopReaper() {
        var current = reaper;
        if (current != null) {
            current.destroyForcibly();
            reaper = null;
        }
    }
}
