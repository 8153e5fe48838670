package org.homeward.notification.notification;

/** No notification with this id exists (or is visible to the caller). */
public class NotificationNotFound extends RuntimeException {

    public NotificationNotFound(String id) {
        super("No notification " + id);
    }
}
