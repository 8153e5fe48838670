/**
 * RFC 9457 problem details: stable problem types, the advice that renders every error as
 * {@code application/problem+json} naming fields but never their values, and the request-body limit.
 */
@NullMarked
package org.homeward.platform.problem;

import org.jspecify.annotations.NullMarked;
