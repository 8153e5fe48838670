/**
 * Delivery of alerts to contact points, exactly once in effect: one delivery per (cause, contact point, channel),
 * claimed atomically, each attempt on its own virtual thread; e-mail over SMTP, signed webhooks with backoff and a
 * dead-letter topic, and the in-app inbox.
 */
@NullMarked
package org.homeward.notification.delivery;

import org.jspecify.annotations.NullMarked;
