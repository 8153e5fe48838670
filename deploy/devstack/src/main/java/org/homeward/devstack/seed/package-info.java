/**
 * Synthetic records for a fresh devstack: a deterministic generator of obviously invented children (missing reports
 * in Cyrillic, registrations in host countries' transliterations, with planted cross-border pairs) and the seeding of
 * them, with contact points, through the services' public APIs with real tokens.
 */
@NullMarked
package org.homeward.devstack.seed;

import org.jspecify.annotations.NullMarked;
