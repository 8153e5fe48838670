package org.homeward.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTests {

    @TempDir
    Path dataDir;

    @Test
    void whatAStackWritesIsWhatHealthReads() {
        var pids = new LinkedHashMap<String, Long>();
        pids.put("kafka", 11L);
        pids.put("registry-md", 12L);
        var state =
                new StackState(List.of("UA", "MD"), 7, ProcessHandle.current().pid(), pids);

        state.write(dataDir);

        var read = StackState.read(dataDir).orElseThrow();
        assertThat(read).isEqualTo(state);
        assertThat(read.pids().keySet()).containsExactly("kafka", "registry-md");
        assertThat(read.launcherAlive()).isTrue();
    }

    @Test
    void aStoppedStackLeavesNoState() {
        new StackState(List.of("UA"), 0, 1, new LinkedHashMap<>()).write(dataDir);

        StackState.remove(dataDir);

        assertThat(StackState.read(dataDir)).isEmpty();
    }

    @Test
    void healthFailsWhenNoStackRunsFromTheFolder() {
        var output = new java.io.ByteArrayOutputStream();
        var options = DevstackOptions.defaults(Path.of("unused")).withDataDir(dataDir);

        var exitCode = HealthCheck.run(options, new java.io.PrintStream(output, true));

        assertThat(exitCode).isEqualTo(1);
        assertThat(output.toString()).contains("No devstack is running from " + dataDir);
    }
}
