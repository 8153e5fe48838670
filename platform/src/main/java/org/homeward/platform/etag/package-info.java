/** Optimistic concurrency over HTTP: a resource's revision as its ETag, and the If-Match a change must carry. */
@NullMarked
package org.homeward.platform.etag;

import org.jspecify.annotations.NullMarked;
