/** What every service's MongoDB collections need so that both real MongoDB and the wire server serve them well. */
@NullMarked
package org.homeward.platform.mongo;

import org.jspecify.annotations.NullMarked;
