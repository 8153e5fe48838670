package org.homeward.matching;

import org.homeward.matching.cli.BatchCommands;

/**
 * Entry point of the matching-service jar. A first argument naming a batch command ({@code link}, {@code evaluate},
 * {@code estimate}) runs it without starting Spring. Without a command the service will start (Spring, added by the
 * service part of this module); until then it prints the usage and exits with 2.
 */
public final class MatchingApplication {

    private MatchingApplication() {}

    public static void main(String[] args) {
        if (BatchCommands.isBatchCommand(args)) {
            System.exit(BatchCommands.run(args, System.out, System.err));
        }
        // The service part adds SpringApplication.run(MatchingApplication.class, args) here.
        System.err.println(BatchCommands.USAGE);
        System.exit(2);
    }
}
