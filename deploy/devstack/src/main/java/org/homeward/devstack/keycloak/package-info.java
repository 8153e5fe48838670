/**
 * Keycloak for the devstack and the system tests: starts the distribution with the Homeward realm as a child process,
 * logs demo users and partner clients in the way real clients do, and names the devstack-only identities.
 */
@NullMarked
package org.homeward.devstack.keycloak;

import org.jspecify.annotations.NullMarked;
