package org.homeward.registry.childrecord;

import java.util.EnumSet;
import java.util.Set;

/** Where a child record stands in tracing, and the moves a caseworker may make from there. */
public enum RecordStatus {
    OPEN,
    MATCH_PENDING,
    REUNIFICATION_IN_PROGRESS,
    REUNIFIED,
    CLOSED;

    /** The statuses reachable from this one. A closed record may be reopened when new information arrives. */
    Set<RecordStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(MATCH_PENDING, REUNIFICATION_IN_PROGRESS, CLOSED);
            case MATCH_PENDING -> EnumSet.of(OPEN, REUNIFICATION_IN_PROGRESS, CLOSED);
            case REUNIFICATION_IN_PROGRESS -> EnumSet.of(OPEN, REUNIFIED, CLOSED);
            case REUNIFIED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(OPEN);
        };
    }

    /** The status after a move to {@code target}; refuses moves the tracing process does not allow. */
    RecordStatus moveTo(RecordStatus target) {
        if (!next().contains(target)) {
            throw new IllegalTransition(this, target);
        }
        return target;
    }
}
