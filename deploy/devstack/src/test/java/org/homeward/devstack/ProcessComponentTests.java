package org.homeward.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessComponentTests {

    @TempDir
    Path dir;

    private ProcessComponent component(String script, Probes.Probe probe, Duration readyTimeout) {
        return new ProcessComponent(
                "sample",
                "nowhere",
                () -> new ProcessComponent.Launch(List.of("/bin/sh", "-c", script), Map.of("SAMPLE_WORD", "hello")),
                probe,
                readyTimeout,
                Duration.ofSeconds(5),
                dir,
                dir.resolve("logs/sample.log"));
    }

    @Test
    void returnsOnceTheProbeSaysReadyAndStopsCleanly() {
        var ready = new AtomicBoolean();
        var component = component(
                "echo $SAMPLE_WORD; exec sleep 60", () -> ready.get() ? null : "not yet", Duration.ofSeconds(30));
        ready.set(true);

        component.start();

        assertThat(component.isAlive()).isTrue();
        assertThat(component.pid()).isPresent();
        assertThat(component.problem()).isNull();
        component.stop();
        assertThat(component.isAlive()).isFalse();
        assertThat(component.problem()).isEqualTo("not running");
    }

    @Test
    void namesTheComponentItsExitCodeAndItsLastLogLinesWhenItExits() {
        var component = component(
                "echo first line; echo cannot bind its port; exit 3", () -> "not yet", Duration.ofSeconds(30));

        assertThatThrownBy(component::start)
                .isInstanceOfSatisfying(ComponentFailed.class, failed -> {
                    assertThat(failed.component()).isEqualTo("sample");
                    assertThat(failed.logFile()).isEqualTo(dir.resolve("logs/sample.log"));
                })
                .hasMessageContaining("sample did not start: it exited with code 3")
                .hasMessageContaining(dir.resolve("logs/sample.log").toString())
                .hasMessageContaining("| cannot bind its port");
    }

    @Test
    void stopsAComponentThatIsNotReadyInTime() {
        var component = component("exec sleep 60", () -> "not yet", Duration.ofMillis(500));

        assertThatThrownBy(component::start)
                .isInstanceOf(ComponentFailed.class)
                .hasMessageContaining("it was not ready within 0 s (it was stopped)");
        assertThat(component.isAlive()).isFalse();
    }

    @Test
    void startsAgainAfterBeingKilledAndKeepsOneLogFile() throws Exception {
        var log = dir.resolve("logs/sample.log");
        Probes.Probe readyLine = () -> {
            try {
                return Files.readString(log).endsWith("ready\n") ? null : "not yet";
            } catch (java.io.IOException notYet) {
                return "no log yet";
            }
        };
        var component = component("echo ready; exec sleep 60", readyLine, Duration.ofSeconds(30));
        component.start();
        var first = component.pid().orElseThrow();

        component.kill();
        assertThat(component.isAlive()).isFalse();
        component.start();

        assertThat(component.pid()).isPresent().isNotEqualTo(java.util.OptionalLong.of(first));
        component.stop();
        assertThat(Files.readString(log)).containsSubsequence("===== started", "ready", "===== started", "ready");
    }

    @Test
    void runsTheProcessInASessionOfItsOwnSoCtrlCReachesOnlyTheLauncher() throws Exception {
        var component = component("exec sleep 60", () -> null, Duration.ofSeconds(30));
        component.start();
        try {
            var pid = component.pid().orElseThrow();
            // setsid runs in the started process itself just before it execs the command.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(sessionOf(pid)).isEqualTo(pid));
        } finally {
            component.stop();
        }
    }

    /** The session id from /proc/<pid>/stat: the fields after the command are state, ppid, pgrp, session. */
    private static long sessionOf(long pid) throws java.io.IOException {
        var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    }
}
