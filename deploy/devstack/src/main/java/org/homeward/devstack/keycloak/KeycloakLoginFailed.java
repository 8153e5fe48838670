package org.homeward.devstack.keycloak;

/**
 * Keycloak gave no token. The message names the user or client and what Keycloak answered, never a password or
 * secret.
 */
public final class KeycloakLoginFailed extends RuntimeException {

    KeycloakLoginFailed(String message) {
        super(message);
    }

    KeycloakLoginFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
