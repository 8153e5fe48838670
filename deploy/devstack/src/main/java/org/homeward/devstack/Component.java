package org.homeward.devstack;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** One component of the stack (a broker, a server, a service): started, watched and stopped by the launcher. */
interface Component {

    /** The name in progress lines, health tables and the log file's name: {@code kafka}, {@code registry-pl}. */
    String name();

    /** Where its output goes. */
    Path logFile();

    /** What to open or connect to, for people: a URL or {@code host:port}. */
    String address();

    /**
     * Starts it and returns once it is ready.
     *
     * @throws ComponentFailed if it exits, or is not ready in time (it is stopped then)
     */
    void start();

    boolean isAlive();

    /** The process id of its main process, while one runs. */
    OptionalLong pid();

    /** Asks it to stop and waits; kills it if it does not stop in its grace time. No-op if it is not running. */
    void stop();

    /** Kills it at once (SIGKILL), as a crash would. */
    void kill();

    /** Null when it answers as a ready component should; otherwise what is wrong, in a few words. */
    @Nullable
    String problem();
}
