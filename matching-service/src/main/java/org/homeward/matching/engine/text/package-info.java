/** Text mechanisms of the matching engine: Unicode clean-up, transliteration, phonetic keys and curated lexicons. */
@NullMarked
package org.homeward.matching.engine.text;

import org.jspecify.annotations.NullMarked;
