/**
 * The cross-border record-linkage engine: plain Java, no framework types; profiles in, scored and explained pairs out.
 */
@NullMarked
package org.homeward.matching.engine;

import org.jspecify.annotations.NullMarked;
