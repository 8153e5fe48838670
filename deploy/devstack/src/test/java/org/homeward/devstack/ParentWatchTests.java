package org.homeward.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchTests {

    @TempDir
    Path dir;

    @Test
    void aComponentJvmExitsOnceItsLauncherIsGone() throws Exception {
        var agent = ParentWatchAgent.write(dir);
        var program = dir.resolve("Block.java");
        Files.writeString(
                program,
                "class Block { public static void main(String[] a) throws Exception {"
                        + " System.out.println(\"blocking\"); Thread.sleep(120_000); } }");
        var launcher = new ProcessBuilder("sleep", "120").start();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var component = new ProcessBuilder(
                        List.of(java, "-javaagent:" + agent + "=" + launcher.pid(), program.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("component.log").toFile())
                .start();
        try {
            assertThat(component.waitFor(3, TimeUnit.SECONDS))
                    .as("runs while the launcher runs")
                    .isFalse();

            launcher.destroyForcibly().waitFor();

            assertThat(component.waitFor(30, TimeUnit.SECONDS))
                    .as("exits once the launcher is gone")
                    .isTrue();
            assertThat(component.exitValue()).isEqualTo(143);
            assertThat(Files.readString(dir.resolve("component.log"))).contains("ended; exiting");
        } finally {
            launcher.destroyForcibly();
            component.destroyForcibly();
        }
    }

    @Test
    void theAgentJarHoldsOnlyTheWatch() throws Exception {
        var agent = ParentWatchAgent.write(dir);

        try (var jar = new java.util.jar.JarFile(agent.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class"))
                    .isEqualTo(ParentWatch.class.getName());
            assertThat(jar.stream().map(java.util.jar.JarEntry::getName))
                    .contains("org/homeward/devstack/ParentWatch.class");
        }
    }
}
