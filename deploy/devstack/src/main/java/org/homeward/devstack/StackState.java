package org.homeward.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running stack tells other commands ({@code --health}, {@code --token}) about itself, in
 * {@code <data>/run/stack.properties}: its countries, port offset, the launcher's pid and each component's pid.
 * Written when the stack is ready and whenever a component restarts; removed when the stack stops.
 *
 * @param pids each component's main process id, in start order
 */
record StackState(List<String> countries, int portOffset, long launcherPid, Map<String, Long> pids) {

    StackState {
        countries = List.copyOf(countries);
        pids = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pids));
    }

    static Path file(Path dataDir) {
        return dataDir.resolve("run/stack.properties");
    }

    void write(Path dataDir) {
        var properties = new Properties();
        properties.setProperty("countries", String.join(",", countries));
        properties.setProperty("port-offset", String.valueOf(portOffset));
        properties.setProperty("launcher-pid", String.valueOf(launcherPid));
        properties.setProperty("components", String.join(",", pids.keySet()));
        pids.forEach((name, pid) -> properties.setProperty("pid." + name, String.valueOf(pid)));
        var file = file(dataDir);
        try {
            Files.createDirectories(file.getParent());
            var partial = Files.createTempFile(file.getParent(), "stack", ".tmp");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(out, "the running devstack; removed when it stops");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    static Optional<StackState> read(Path dataDir) {
        var file = file(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        var pids = new LinkedHashMap<String, Long>();
        for (var name : properties.getProperty("components", "").split(",")) {
            var pid = properties.getProperty("pid." + name);
            if (!name.isBlank() && pid != null) {
                pids.put(name, Long.parseLong(pid));
            }
        }
        return Optional.of(new StackState(
                Arrays.asList(properties.getProperty("countries", "").split(",")),
                Integer.parseInt(properties.getProperty("port-offset", "0")),
                Long.parseLong(properties.getProperty("launcher-pid", "0")),
                pids));
    }

    static void remove(Path dataDir) {
        try {
            Files.deleteIfExists(file(dataDir));
        } catch (IOException e) {
            // The next start overwrites it; --health notices the launcher is gone.
        }
    }

    boolean launcherAlive() {
        return ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
