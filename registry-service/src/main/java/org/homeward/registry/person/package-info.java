/** Value objects that describe a child and their family: names in any script, approximate dates, places. */
@NullMarked
package org.homeward.registry.person;

import org.jspecify.annotations.NullMarked;
