/** JMH benchmarks of the matching engine: latency of matching one new record against a large candidate index. */
@NullMarked
package org.homeward.benchmarks.matching;

import org.jspecify.annotations.NullMarked;
