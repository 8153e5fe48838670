package org.homeward.matching.engine;

/** The sex recorded for a child. */
public enum Sex {
    FEMALE,
    MALE
}
