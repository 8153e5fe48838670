/**
 * Homeward's event contracts as a library: topic names, the catalogue of every contract with its released schema
 * versions, the Avro single-object codec, Kafka serializer and deserializer, and the schema compatibility check.
 */
@NullMarked
package org.homeward.contracts;

import org.jspecify.annotations.NullMarked;
