/** The matching service: record linkage across borders (engine, batch commands, and later intake and proposals). */
@NullMarked
package org.homeward.matching;

import org.jspecify.annotations.NullMarked;
