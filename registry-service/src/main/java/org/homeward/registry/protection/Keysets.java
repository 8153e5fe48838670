package org.homeward.registry.protection;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/** Generates fresh keyset files for a devstack or a test; production keys come from the country's key management. */
public final class Keysets {

    private Keysets() {}

    /** Writes a new AES-256-GCM keyset and a new HMAC-SHA256 PRF keyset to these files, each only if it is missing. */
    public static void generateIfMissing(Path aeadKeysetFile, Path documentHashKeysetFile)
            throws IOException, GeneralSecurityException {
        AeadConfig.register();
        PrfConfig.register();
        if (!Files.exists(aeadKeysetFile)) {
            write(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), aeadKeysetFile);
        }
        if (!Files.exists(documentHashKeysetFile)) {
            write(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), documentHashKeysetFile);
        }
    }

    private static void write(KeysetHandle handle, Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL protects the file.
        }
    }
}
