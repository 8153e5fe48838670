package org.homeward.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevstackResetTests {

    @TempDir
    Path dataDir;

    private Path file(String path) throws IOException {
        var file = dataDir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }

    @Test
    void wipesEveryComponentsDataButKeepsKeycloaksUnpackedProgramAndTheLock() throws IOException {
        file("devstack.lock");
        file("kafka/data/meta.properties");
        file("mongo/homeward.mv.db");
        file("keys/ua/aead.json");
        file("logs/kafka.log");
        file("seed.json");
        file("keycloak/bin/kc.sh");
        file("keycloak/lib/quarkus/build-state.dat");
        file("keycloak/data/h2/keycloakdb.mv.db");
        file("keycloak/data/import/homeward-realm.json");

        Devstack.reset(dataDir);

        try (var left = Files.walk(dataDir)) {
            assertThat(left.filter(Files::isRegularFile)
                            .map(path -> dataDir.relativize(path).toString()))
                    .containsExactlyInAnyOrder(
                            "devstack.lock", "keycloak/bin/kc.sh", "keycloak/lib/quarkus/build-state.dat");
        }
        assertThat(dataDir.resolve("kafka")).doesNotExist();
        assertThat(dataDir.resolve("keycloak/data")).doesNotExist();
    }
}
