/**
 * The notification service: the contact directory, intake of match and record events, delivery over email, signed
 * webhooks and the in-app inbox, and escalation of urgent alerts.
 */
@NullMarked
package org.homeward.notification;

import org.jspecify.annotations.NullMarked;
