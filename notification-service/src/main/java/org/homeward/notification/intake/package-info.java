/**
 * Intake of match and record events from Kafka: keeps who owns each record and whether its child is flagged urgent,
 * works out the recipients and priority of a match alert, and hands it to the notifications.
 */
@NullMarked
package org.homeward.notification.intake;

import org.jspecify.annotations.NullMarked;
