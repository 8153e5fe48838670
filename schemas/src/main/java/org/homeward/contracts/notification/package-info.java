/**
 * Avro contracts of notification events (topic homeward.notifications.v1): dispatched, acknowledged, escalated.
 *
 * <p>Classes here are generated from {@code src/main/avro} and are not {@code @NullMarked}: a field whose Avro type is
 * a union with {@code null} may be {@code null}. Their {@code toString()} prints every field, so never log them.
 */
package org.homeward.contracts.notification;
