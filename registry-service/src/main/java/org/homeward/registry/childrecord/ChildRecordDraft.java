package org.homeward.registry.childrecord;

/** A validated record from a form, before it is sealed, hashed and stored. */
record ChildRecordDraft(RecordKind kind, String agencyId, ChildDescription description, SensitiveDetails sensitive) {

    @Override
    public String toString() {
        return "ChildRecordDraft[redacted]";
    }
}
