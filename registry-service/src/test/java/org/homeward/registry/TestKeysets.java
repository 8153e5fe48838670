package org.homeward.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.homeward.registry.protection.Keysets;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Fresh keyset files for the test run, generated once, as the devstack generates its own. */
public final class TestKeysets {

    private static final Path DIRECTORY = create();

    private TestKeysets() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("homeward.protection.aead-keyset-file", () -> DIRECTORY.resolve("aead.json"));
        registry.add("homeward.protection.document-hash-keyset-file", () -> DIRECTORY.resolve("document-hash.json"));
    }

    private static Path create() {
        try {
            var directory = Files.createTempDirectory("homeward-test-keys");
            Keysets.generateIfMissing(directory.resolve("aead.json"), directory.resolve("document-hash.json"));
            return directory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate test keysets", e);
        }
    }
}
