package org.homeward.notification.contactpoint;

/** A way of reaching a contact point. */
public enum Channel {
    EMAIL,
    WEBHOOK,
    IN_APP
}
