package org.homeward.registry.childrecord;

/** A status change the tracing process does not allow, such as reunifying a record that is still open. */
public final class IllegalTransition extends RuntimeException {

    private final RecordStatus from;
    private final RecordStatus to;

    IllegalTransition(RecordStatus from, RecordStatus to) {
        super("A record cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public RecordStatus from() {
        return from;
    }

    public RecordStatus to() {
        return to;
    }
}
