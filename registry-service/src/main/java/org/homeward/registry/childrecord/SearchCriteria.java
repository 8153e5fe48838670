package org.homeward.registry.childrecord;

import org.jspecify.annotations.Nullable;

/** What a caseworker searches by; every criterion is optional and they combine with "and". */
record SearchCriteria(
        @Nullable String name,
        @Nullable Integer birthYear,
        @Nullable RecordStatus status,
        @Nullable RecordKind kind) {

    @Override
    public String toString() {
        return "SearchCriteria[redacted]";
    }
}
