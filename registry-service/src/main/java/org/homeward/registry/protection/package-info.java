/**
 * Protecting what must not leak: application-level encryption of sensitive fields with the country's Tink keyset,
 * and keyed hashes of identity documents, the only form of a document number that leaves the country.
 */
@NullMarked
package org.homeward.registry.protection;

import org.jspecify.annotations.NullMarked;
