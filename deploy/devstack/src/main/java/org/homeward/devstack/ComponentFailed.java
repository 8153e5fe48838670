package org.homeward.devstack;

import java.nio.file.Path;

/** A component exited or did not become ready in time; the message names it, its log file and its last log lines. */
public final class ComponentFailed extends RuntimeException {

    private final String component;
    private final Path logFile;

    ComponentFailed(String component, String reason, Path logFile) {
        super(component + " did not start: " + reason + ".\n  Its log: " + logFile + "\n" + LogTail.of(logFile, 15));
        this.component = component;
        this.logFile = logFile;
    }

    /** The name of the component that failed. */
    public String component() {
        return component;
    }

    public Path logFile() {
        return logFile;
    }
}
