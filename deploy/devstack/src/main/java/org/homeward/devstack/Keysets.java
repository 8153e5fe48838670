package org.homeward.devstack;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Locale;

/**
 * The registries' keysets, generated once into the data folder's {@code keys/}: each country's own AES-256-GCM keyset
 * for its sensitive fields ({@code keys/<cc>/aead.json}), and one HMAC-SHA256 PRF keyset shared by the federation
 * ({@code keys/federation/document-hash.json}) — shared because a document's keyed hash must be equal in every country
 * for the matching engine to link two records by it. Production keys come from each country's key management.
 */
final class Keysets {

    private final Path keysDir;

    Keysets(Path keysDir) {
        this.keysDir = keysDir;
    }

    Path aead(String country) {
        return keysDir.resolve(country.toLowerCase(Locale.ROOT)).resolve("aead.json");
    }

    Path documentHash() {
        return keysDir.resolve("federation").resolve("document-hash.json");
    }

    /** Writes each missing keyset; existing ones are kept, so records stay readable across restarts. */
    void generateIfMissing(Iterable<String> countries) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            for (var country : countries) {
                writeIfMissing(aead(country), PredefinedAeadParameters.AES256_GCM);
            }
            writeIfMissing(documentHash(), PredefinedPrfParameters.HMAC_SHA256_PRF);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not generate a keyset", e);
        }
    }

    private static void writeIfMissing(Path file, Parameters parameters) throws GeneralSecurityException {
        if (Files.exists(file)) {
            return;
        }
        var json = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(parameters), InsecureSecretKeyAccess.get());
        try {
            Files.createDirectories(file.getParent());
            var partial = Files.createTempFile(file.getParent(), "keyset", ".tmp");
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL protects the file.
            }
            Files.writeString(partial, json);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the keyset " + file, e);
        }
    }
}
