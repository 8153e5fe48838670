package org.homeward.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** A Homeward realm role, as Keycloak puts it into the token's {@code realm_access.roles}. */
public enum Role {
    CASEWORKER("caseworker"),
    NCP("ncp"),
    SUPERVISOR("supervisor"),
    AUDITOR("auditor"),
    PARTNER_SYSTEM("partner-system");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The role's name in the token, such as {@code partner-system}. */
    public String claimValue() {
        return claimValue;
    }

    /** The Spring Security authority, such as {@code ROLE_CASEWORKER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a token claim value names, or empty for roles Homeward does not know. */
    public static Optional<Role> fromClaimValue(String claimValue) {
        return Arrays.stream(values())
                .filter(role -> role.claimValue.equals(claimValue))
                .findFirst();
    }
}
