package org.homeward.registry.childrecord;

/** The record changed since the caller read it: their If-Match does not match the current revision. */
public final class ChildRecordChanged extends RuntimeException {

    ChildRecordChanged(String id) {
        super("Child record " + id + " changed since it was read");
    }
}
