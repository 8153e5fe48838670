package org.homeward.registry.childrecord;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Where a registered child lives now. Never federated; stored encrypted. */
public record Placement(
        Type type, @Nullable String description, @Nullable LocalDate since) {

    public enum Type {
        FOSTER_FAMILY,
        RELATIVES,
        INSTITUTION,
        SHELTER,
        OTHER
    }

    @Override
    public String toString() {
        return "Placement[redacted]";
    }
}
