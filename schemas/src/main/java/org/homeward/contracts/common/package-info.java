/**
 * Avro types shared by every event contract, such as the event metadata envelope.
 *
 * <p>Classes here are generated from {@code src/main/avro} and are not {@code @NullMarked}: a field whose Avro type is
 * a union with {@code null} may be {@code null}. Their {@code toString()} prints every field, so never log them.
 */
package org.homeward.contracts.common;
