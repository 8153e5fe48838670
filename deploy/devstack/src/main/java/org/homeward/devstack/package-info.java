/** The one-command local stack: starts, watches and stops every component of Homeward with real servers. */
@NullMarked
package org.homeward.devstack;

import org.jspecify.annotations.NullMarked;
