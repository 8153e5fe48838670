package org.homeward.registry.childrecord;

/** Why a record was closed. */
public enum ClosureReason {
    REUNIFIED,
    DUPLICATE,
    FOUND_OTHERWISE,
    WITHDRAWN,
    OTHER
}
