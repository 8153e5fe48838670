package org.homeward.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated user or partner system behind a request: the token's subject, the country it acts for and its
 * Homeward roles. Controllers take it as {@code @AuthenticationPrincipal Caller caller} and hand it to the domain,
 * which never reads the security context itself.
 *
 * @param subject the token's {@code sub}, an opaque identifier
 * @param country ISO 3166-1 alpha-2 code, upper case ({@code PL})
 * @param roles the Homeward roles of the token; unknown roles are not in here
 */
public record Caller(String subject, String country, Set<Role> roles) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(roles, "roles");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject is blank");
        }
        if (!COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("country is not an upper-case ISO 3166-1 alpha-2 code");
        }
        roles = Set.copyOf(roles);
    }

    /** Whether the caller holds this role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller holds at least one of these roles. */
    public boolean hasAny(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** Whether the caller acts for this country (ISO 3166-1 alpha-2). */
    public boolean belongsTo(String otherCountry) {
        return country.equals(otherCountry);
    }
}
