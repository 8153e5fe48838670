package org.homeward.notification.notification;

/** What an alert tells a contact point about; chooses the message template. */
public enum AlertSubject {
    /** The engine proposes that two records describe the same child: someone must review the pair. */
    MATCH_PROPOSED,
    /** A person confirmed a match: the owners of both records can start reunification. */
    MATCH_CONFIRMED
}
