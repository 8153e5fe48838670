package org.homeward.matching;

import org.homeward.matching.cli.BatchCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the matching-service jar. A first argument naming a batch command ({@code link}, {@code evaluate},
 * {@code estimate}) runs it without starting Spring; without one, the matching service starts (intake of every
 * country's record events, match proposals, review API).
 */
@SpringBootApplication(proxyBeanMethods = false)
public class MatchingApplication {

    public static void main(String[] args) {
        if (BatchCommands.isBatchCommand(args)) {
            System.exit(BatchCommands.run(args, System.out, System.err));
        }
        SpringApplication.run(MatchingApplication.class, args);
    }
}
