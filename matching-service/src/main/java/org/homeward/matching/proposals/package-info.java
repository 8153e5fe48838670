/**
 * Match proposals: the pairs of records the engine thinks describe the same child, kept as one aggregate per pair
 * (with its outbox) from the first proposal through re-scoring to a person's confirmation or rejection, and the
 * review API national contact points use.
 */
@NullMarked
package org.homeward.matching.proposals;

import org.jspecify.annotations.NullMarked;
