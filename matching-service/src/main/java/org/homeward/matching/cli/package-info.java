/** The batch commands (link, evaluate, estimate) of the matching-service jar, run without Spring. */
@NullMarked
package org.homeward.matching.cli;

import org.jspecify.annotations.NullMarked;
