/**
 * Avro contracts of match proposal events (topic homeward.matching.matches.v1): proposed, confirmed, rejected, retracted.
 *
 * <p>Classes here are generated from {@code src/main/avro} and are not {@code @NullMarked}: a field whose Avro type is
 * a union with {@code null} may be {@code null}. Their {@code toString()} prints every field, so never log them.
 */
package org.homeward.contracts.matching;
