package org.homeward.notification.notification;

/** How soon a contact point must act. Only urgent notifications escalate. */
public enum Priority {
    NORMAL,
    URGENT
}
