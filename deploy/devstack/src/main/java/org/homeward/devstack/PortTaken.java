package org.homeward.devstack;

/** A port the stack needs is already in use; nothing was started. */
public final class PortTaken extends RuntimeException {

    private final String user;
    private final int port;

    PortTaken(String user, int port) {
        super("Port " + port + " (" + user + ") is already in use by another program. Stop that program, or move every"
                + " port of the stack with --port-offset=N. Nothing was started.");
        this.user = user;
        this.port = port;
    }

    /** What in the stack needs the port: {@code kafka}, {@code registry-pl}, ... */
    public String user() {
        return user;
    }

    public int port() {
        return port;
    }
}
