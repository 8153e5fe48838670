/**
 * The registry's reaction to match decisions: a person confirmed that a match names one of this country's records,
 * so the record moves on to reunification.
 */
@NullMarked
package org.homeward.registry.matchdecision;

import org.jspecify.annotations.NullMarked;
