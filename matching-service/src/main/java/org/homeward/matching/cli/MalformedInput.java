package org.homeward.matching.cli;

/** An input file defect, located by line and column (1-based); the message never quotes the value. */
final class MalformedInput extends RuntimeException {

    private final long line;
    private final int column;

    MalformedInput(long line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    long line() {
        return line;
    }

    int column() {
        return column;
    }
}
