package org.homeward.registry.protection;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    @Bean
    FieldEncryption fieldEncryption(ProtectionProperties properties, @Value("${homeward.country}") String country)
            throws GeneralSecurityException {
        AeadConfig.register();
        var aead = read(properties.aeadKeysetFile()).getPrimitive(RegistryConfiguration.get(), Aead.class);
        return new FieldEncryption(aead, country);
    }

    @Bean
    DocumentHashing documentHashing(ProtectionProperties properties) throws GeneralSecurityException {
        PrfConfig.register();
        var prf = read(properties.documentHashKeysetFile()).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        return new DocumentHashing(prf);
    }

    // Cleartext keyset files, as the devstack writes them; a production deployment would wrap them with a KMS key.
    private static KeysetHandle read(Path keysetFile) throws GeneralSecurityException {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read keyset file " + keysetFile, e);
        }
    }
}
