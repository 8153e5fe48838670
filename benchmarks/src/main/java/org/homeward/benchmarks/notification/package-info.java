/** Latency harness of the notification service: from match events to alerts accepted by each channel. */
@NullMarked
package org.homeward.benchmarks.notification;

import org.jspecify.annotations.NullMarked;
