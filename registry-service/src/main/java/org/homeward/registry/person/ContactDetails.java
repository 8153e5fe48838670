package org.homeward.registry.person;

import org.jspecify.annotations.Nullable;

/** How to reach a relative. Never leaves the country; stored encrypted. */
public record ContactDetails(
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address) {

    @Override
    public String toString() {
        return "ContactDetails[redacted]";
    }
}
