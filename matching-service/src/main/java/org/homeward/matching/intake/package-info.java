/**
 * Intake of child record events from every country's registry: the stored tracing profiles (one document per record,
 * applied once per event) and the in-memory candidate index the engine matches against.
 */
@NullMarked
package org.homeward.matching.intake;

import org.jspecify.annotations.NullMarked;
