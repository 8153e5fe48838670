/**
 * End-to-end system tests: one real stack per test JVM, driven only through its public surfaces (HTTP APIs with real
 * Keycloak tokens, the mail server's web API, Kafka topics), for the reunification journey, crash recovery and the
 * authorisation matrix.
 */
@NullMarked
package org.homeward.devstack.system;

import org.jspecify.annotations.NullMarked;
