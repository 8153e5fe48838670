package org.homeward.registry.person;

/** How a name is used: the primary form, another known spelling, a former name or a nickname. */
public enum NameUse {
    PRIMARY,
    SPELLING,
    PREVIOUS,
    NICKNAME
}
