/** How every service's Kafka consumers treat a message they cannot process. */
@NullMarked
package org.homeward.platform.kafka;

import org.jspecify.annotations.NullMarked;
