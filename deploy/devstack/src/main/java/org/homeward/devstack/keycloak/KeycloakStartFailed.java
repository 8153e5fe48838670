package org.homeward.devstack.keycloak;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Keycloak did not become ready; whatever {@link KeycloakServer#start} had launched is stopped again. */
public final class KeycloakStartFailed extends RuntimeException {

    private final Path logFile;

    KeycloakStartFailed(String reason, Path logFile, @Nullable Throwable cause) {
        super("Keycloak did not start: " + reason + " (see " + logFile.toAbsolutePath() + ")", cause);
        this.logFile = logFile;
    }

    /** The file Keycloak's output went to. */
    public Path logFile() {
        return logFile;
    }
}
