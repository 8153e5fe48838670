package org.homeward.matching.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.homeward.matching.engine.MatchModel;

/**
 * The batch commands of the executable jar, run without Spring: {@code link}, {@code evaluate} and {@code estimate}.
 * Exit codes: 0 success, 1 bad input or failure (message on stderr naming line and column), 2 usage.
 */
public final class BatchCommands {

    /** The first arguments that select a batch command. */
    public static final Set<String> NAMES = Set.of("link", "evaluate", "estimate");

    public static final String USAGE = """
            usage: java -jar matching-service.jar link RECORDS.csv PAIRS.csv
                   java -jar matching-service.jar evaluate RECORDS.csv TRUTH.csv
                   java -jar matching-service.jar estimate RECORDS.csv MODEL.properties
            options: -Dhomeward.model=FILE uses a model file instead of the built-in one""";

    private BatchCommands() {}

    /** Whether the arguments name a batch command. */
    public static boolean isBatchCommand(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /** Runs a batch command and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !NAMES.contains(args[0])) {
            err.println(USAGE);
            return 2;
        }
        Path input = Path.of(args[1]);
        Path second = Path.of(args[2]);
        try {
            if (!Files.isRegularFile(input)) {
                err.println(args[0] + ": input file not found: " + input);
                return 1;
            }
            return switch (args[0]) {
                case "link" -> new LinkCommand(model(), err).run(input, second);
                case "evaluate" -> {
                    if (!Files.isRegularFile(second)) {
                        err.println("evaluate: truth file not found: " + second);
                        yield 1;
                    }
                    new EvaluateCommand(model(), out, err).run(input, second);
                    yield 0;
                }
                default -> new EstimateCommand(err).run(input, second);
            };
        } catch (MalformedInput e) {
            err.println(args[0] + ": " + input.getFileName() + ": " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println(args[0] + ": failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static MatchModel model() throws IOException {
        String file = System.getProperty("homeward.model");
        return file == null ? MatchModel.load() : MatchModel.read(Path.of(file));
    }
}
