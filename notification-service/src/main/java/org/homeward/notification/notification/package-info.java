/**
 * The notification aggregate: one alert to one contact point about one event, what was delivered for it, whether it
 * was acknowledged, how far it escalated, and the events it still has to publish to the audit topic.
 */
@NullMarked
package org.homeward.notification.notification;

import org.jspecify.annotations.NullMarked;
