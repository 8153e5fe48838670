package org.homeward.registry.childrecord;

/** A registration of a found, unaccompanied or separated child, or a report of a missing child. */
public enum RecordKind {
    REGISTRATION,
    MISSING_REPORT
}
