package org.homeward.notification.contactpoint;

/** No contact point with this id is visible to the caller (another country's answers the same). */
class ContactPointNotFound extends RuntimeException {

    ContactPointNotFound() {
        super("No contact point with this id is visible to you");
    }
}
