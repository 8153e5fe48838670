/**
 * The contact directory: the authorities (national contact points and agencies) that are told about matches, with
 * their channels, language, working hours and escalation contact, managed by the supervisor or NCP of each country.
 */
@NullMarked
package org.homeward.notification.contactpoint;

import org.jspecify.annotations.NullMarked;
