package org.homeward.registry.childrecord;

/** What a match confirmation did to one record of this registry. */
public enum MatchConfirmationOutcome {
    /** The record moved to {@code REUNIFICATION_IN_PROGRESS}; its status event is in the outbox. */
    MOVED,
    /** This confirmation moved the record before (a redelivery or a replay): nothing changed. */
    ALREADY_APPLIED,
    /** The record is already in reunification or reunified: nothing changed. */
    ALREADY_IN_REUNIFICATION,
    /** A person closed the record: a confirmation does not reopen it. Nothing changed. */
    CLOSED,
    /** No record with this id is on file here, or it was erased: nothing changed. */
    NOT_ON_FILE
}
