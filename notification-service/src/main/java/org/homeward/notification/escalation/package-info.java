/** Escalation of urgent notifications that nobody acknowledged in time, driven by a scheduler on the clock. */
@NullMarked
package org.homeward.notification.escalation;

import org.jspecify.annotations.NullMarked;
