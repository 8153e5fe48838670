package org.homeward.notification.delivery;

/** How one attempt of a delivery ended. Reasons are technical and name no person. */
sealed interface AttemptOutcome {

    /** The channel accepted the alert. */
    record Delivered() implements AttemptOutcome {}

    /** Nothing was delivered and trying again may help. */
    record Retry(String reason) implements AttemptOutcome {}

    /** Nothing was delivered and trying again will not help. */
    record Refused(String reason) implements AttemptOutcome {}

    /** It is unknown whether the alert was delivered; it must not be sent again. */
    record Unconfirmed(String reason) implements AttemptOutcome {}
}
