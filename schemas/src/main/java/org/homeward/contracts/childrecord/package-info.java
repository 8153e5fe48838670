/**
 * Avro contracts of child record events (topic homeward.registry.&lt;CC&gt;.records.v1) and the tracing profile, the only part of a child record that crosses a border.
 *
 * <p>Classes here are generated from {@code src/main/avro} and are not {@code @NullMarked}: a field whose Avro type is
 * a union with {@code null} may be {@code null}. Their {@code toString()} prints every field, so never log them.
 */
package org.homeward.contracts.childrecord;
