/**
 * Finding child records by name in any script and spelling: phonetic keys that a Cyrillic name and its Latin
 * spellings under the common transliteration conventions share.
 */
@NullMarked
package org.homeward.registry.search;

import org.jspecify.annotations.NullMarked;
