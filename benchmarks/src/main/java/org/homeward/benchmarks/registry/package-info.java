/** Load harness of the registry: registrations per second through the API, and 201-to-event latency on Kafka. */
@NullMarked
package org.homeward.benchmarks.registry;

import org.jspecify.annotations.NullMarked;
