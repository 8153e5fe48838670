/**
 * Test fixtures published in platform's test-jar: signed test tokens, and the one Kafka broker and one MongoDB wire
 * server that every integration test of a JVM shares.
 */
@NullMarked
package org.homeward.platform.testing;

import org.jspecify.annotations.NullMarked;
