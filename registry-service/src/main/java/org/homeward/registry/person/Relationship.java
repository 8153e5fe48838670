package org.homeward.registry.person;

/** How a relative is related to the child. */
public enum Relationship {
    MOTHER,
    FATHER,
    GUARDIAN,
    SIBLING,
    OTHER_RELATIVE
}
