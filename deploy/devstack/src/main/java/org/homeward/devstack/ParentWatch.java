package org.homeward.devstack;

/**
 * Ends a component's JVM when the launcher is gone, so no component outlives a launcher killed with SIGKILL (whose
 * shutdown hook never runs). Every JVM the launcher starts loads this class as a Java agent
 * ({@code -javaagent:parent-watch.jar=<launcher pid>}, the jar written by {@link ParentWatchAgent}): the services'
 * executable jars as well as the launcher's own server mains. It exits through {@link System#exit}, so the
 * component's own shutdown hooks run.
 *
 * <p>Self-contained on purpose (no other class of this module, no nested class): the agent jar holds this one class.
 */
public final class ParentWatch {

    private ParentWatch() {}

    /** Agent entry point; the argument is the launcher's process id. */
    public static void premain(String launcherPid) {
        watch(Long.parseLong(launcherPid.strip()));
    }

    /** Starts a daemon thread that exits this JVM once the process {@code launcherPid} has ended. */
    public static void watch(long launcherPid) {
        var launcher = ProcessHandle.of(launcherPid).orElse(null);
        if (launcher == null || !launcher.isAlive()) {
            System.err.println("[devstack] the launcher (pid " + launcherPid + ") is gone; exiting");
            System.exit(143);
            return;
        }
        var watcher = new Thread(
                () -> {
                    launcher.onExit().join();
                    System.err.println("[devstack] the launcher (pid " + launcherPid + ") ended; exiting");
                    System.exit(143);
                },
                "devstack-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
