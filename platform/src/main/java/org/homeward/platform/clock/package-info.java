/** The one {@link java.time.Clock} that code asking for "now" receives, so tests can fix time. */
@NullMarked
package org.homeward.platform.clock;

import org.jspecify.annotations.NullMarked;
