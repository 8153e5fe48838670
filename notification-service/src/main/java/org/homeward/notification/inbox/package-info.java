/**
 * The in-app inbox: alerts per user and country, read and acknowledged over REST, and pushed to the UI as
 * server-sent events the moment they arrive.
 */
@NullMarked
package org.homeward.notification.inbox;

import org.jspecify.annotations.NullMarked;
