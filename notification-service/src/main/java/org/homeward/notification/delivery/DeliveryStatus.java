package org.homeward.notification.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt ({@code nextAttemptAt}). */
    PENDING,
    /** Claimed by a worker; an attempt is under way (or its worker died: see recovery). */
    SENDING,
    /** The channel accepted it. */
    SENT,
    /**
     * An e-mail attempt was cut off after the SMTP exchange had begun, so whether the server accepted it is unknown.
     * Not sent again: a duplicate is worse than relying on the inbox and escalation.
     */
    UNCONFIRMED,
    /** Every attempt failed, or the contact point is gone; published to the dead-letter topic. */
    DEAD
}
