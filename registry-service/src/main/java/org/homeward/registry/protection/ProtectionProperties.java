package org.homeward.registry.protection;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the country's keys are. Keys are never in configuration defaults: the devstack generates its own keyset files
 * on first start; production points these at files provisioned by the country's key management.
 *
 * @param aeadKeysetFile Tink JSON keyset (AEAD) that encrypts this country's sensitive fields at rest
 * @param documentHashKeysetFile Tink JSON keyset (PRF) shared by the federation, so equal documents hash equally
 */
@Validated
@ConfigurationProperties("homeward.protection")
record ProtectionProperties(
        @NotNull Path aeadKeysetFile, @NotNull Path documentHashKeysetFile) {}
