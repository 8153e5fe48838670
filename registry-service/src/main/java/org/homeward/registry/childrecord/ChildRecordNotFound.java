package org.homeward.registry.childrecord;

/** No child record with this id is visible to the caller (it may exist in another country, or not at all). */
public final class ChildRecordNotFound extends RuntimeException {

    ChildRecordNotFound(String id) {
        super("No child record " + id + " is visible to the caller");
    }
}
