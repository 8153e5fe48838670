/**
 * Who is calling: Keycloak access tokens validated as an OAuth2 resource server and mapped to a {@link
 * org.homeward.platform.security.Caller} with a country and roles, and 401/403 answered as problem details.
 */
@NullMarked
package org.homeward.platform.security;

import org.jspecify.annotations.NullMarked;
