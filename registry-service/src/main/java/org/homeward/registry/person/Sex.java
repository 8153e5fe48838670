package org.homeward.registry.person;

/** Sex as recorded; UNKNOWN when the record does not say. */
public enum Sex {
    FEMALE,
    MALE,
    UNKNOWN
}
