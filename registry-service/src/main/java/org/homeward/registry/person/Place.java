package org.homeward.registry.person;

import org.jspecify.annotations.Nullable;

/** A place as written (any script or language), with its country when known. */
public record Place(String name, @Nullable String country) {

    public Place {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        name = name.strip();
        if (name.length() > 200) {
            throw new IllegalArgumentException("name is longer than 200 characters");
        }
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code");
        }
    }

    @Override
    public String toString() {
        return "Place[redacted]";
    }
}
