/** Latency harness of the matching service: from record events on the registries' topics to match proposals. */
@NullMarked
package org.homeward.benchmarks.proposals;

import org.jspecify.annotations.NullMarked;
