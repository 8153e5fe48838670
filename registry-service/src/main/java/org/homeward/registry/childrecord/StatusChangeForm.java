package org.homeward.registry.childrecord;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** A move of a record to another tracing status; a reason is given when closing. */
record StatusChangeForm(
        @NotNull RecordStatus status, @Nullable ClosureReason reason) {}
