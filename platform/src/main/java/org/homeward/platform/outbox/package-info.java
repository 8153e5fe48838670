/**
 * The transactional outbox without multi-document transactions: an aggregate keeps its pending events in its own
 * document ({@link org.homeward.platform.outbox.OutboxEntry}), and the {@link org.homeward.platform.outbox.OutboxRelay}
 * publishes them to Kafka and removes them.
 */
@NullMarked
package org.homeward.platform.outbox;

import org.jspecify.annotations.NullMarked;
