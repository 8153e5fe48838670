package org.homeward.platform.audit;

/** What a caller did with a resource. */
public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    STATUS_CHANGE,
    ERASE,
    EXPORT
}
