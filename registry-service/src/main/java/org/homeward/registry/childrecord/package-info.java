/**
 * The child record aggregate and its use cases: registering a found child, filing a missing report, updating,
 * moving through the tracing statuses and erasing; each change leaves an event in the record's own outbox.
 */
@NullMarked
package org.homeward.registry.childrecord;

import org.jspecify.annotations.NullMarked;
