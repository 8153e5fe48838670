package org.homeward.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The last lines of a component's log, for failure messages. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {}

    /** Up to {@code lines} last lines, each indented, or a note that the log is empty or missing. */
    static String of(Path logFile, int lines) {
        if (!Files.exists(logFile)) {
            return "  (no log written)";
        }
        try (var file = new RandomAccessFile(logFile.toFile(), "r")) {
            var length = file.length();
            var start = Math.max(0, length - MAX_BYTES);
            var bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            var all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            var tail = all.subList(Math.max(0, all.size() - lines), all.size());
            if (tail.isEmpty()) {
                return "  (the log is empty)";
            }
            return "  Its last lines:\n"
                    + tail.stream().map(line -> "  | " + line).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "  (the log could not be read: " + e.getMessage() + ")";
        }
    }
}
