package org.homeward.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How to run the stack: which countries get a registry, where data and logs live, how far every port is moved, and
 * whether to wipe the data first or to seed it.
 *
 * @param countries ISO 3166-1 alpha-2 codes, one registry each, in the order their ports are given out
 * @param dataDir the folder holding every component's data, the keysets and the logs
 * @param portOffset added to every default port, so a second stack can run beside a first one
 * @param reset wipe the data folder before starting
 * @param seed seed synthetic records on the first start of a data folder
 * @param installDir the folder holding the services' jars, the Keycloak zip and GreenMail (deploy/devstack/target)
 */
public record DevstackOptions(
        List<String> countries, Path dataDir, int portOffset, boolean reset, boolean seed, Path installDir) {

    /** The countries started when none are named. */
    public static final List<String> DEFAULT_COUNTRIES = List.of("UA", "PL", "DE");

    /** Registries take consecutive ports below matching's; more would collide with it. */
    public static final int MAX_COUNTRIES = 9;

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public DevstackOptions {
        countries = List.copyOf(countries);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(installDir, "installDir");
        if (countries.isEmpty()) {
            throw new IllegalArgumentException("--countries names no country");
        }
        if (countries.size() > MAX_COUNTRIES) {
            throw new IllegalArgumentException("--countries names more than " + MAX_COUNTRIES + " countries");
        }
        if (new LinkedHashSet<>(countries).size() != countries.size()) {
            throw new IllegalArgumentException("--countries names a country twice");
        }
        for (var country : countries) {
            if (!ISO_COUNTRIES.contains(country)) {
                throw new IllegalArgumentException(
                        "--countries: " + country + " is not an ISO 3166-1 alpha-2 code (e.g. UA, PL, DE)");
            }
        }
        // The highest default port is 27017 (MongoDB); ports stay below 65536.
        if (portOffset < 0 || portOffset > 30000) {
            throw new IllegalArgumentException("--port-offset must be between 0 and 30000");
        }
    }

    /**
     * Defaults, with the build found from where this class was loaded ({@code deploy/devstack/target}): what system
     * tests start from.
     */
    public static DevstackOptions defaults() {
        return defaults(Devstack.installDir());
    }

    /** Defaults: UA, PL and DE, data in {@code .devstack} of the working directory, default ports, seeded. */
    public static DevstackOptions defaults(Path installDir) {
        return new DevstackOptions(DEFAULT_COUNTRIES, Path.of(".devstack"), 0, false, true, installDir);
    }

    public DevstackOptions withCountries(List<String> next) {
        return new DevstackOptions(next, dataDir, portOffset, reset, seed, installDir);
    }

    public DevstackOptions withDataDir(Path next) {
        return new DevstackOptions(countries, next, portOffset, reset, seed, installDir);
    }

    public DevstackOptions withPortOffset(int next) {
        return new DevstackOptions(countries, dataDir, next, reset, seed, installDir);
    }

    public DevstackOptions withReset(boolean next) {
        return new DevstackOptions(countries, dataDir, portOffset, next, seed, installDir);
    }

    public DevstackOptions withSeed(boolean next) {
        return new DevstackOptions(countries, dataDir, portOffset, reset, next, installDir);
    }

    /** The ports of every component under these options. */
    public Ports ports() {
        return Ports.of(countries, portOffset);
    }

    /** What the command line asks for. */
    public enum Action {
        RUN,
        HEALTH,
        TOKEN,
        HELP
    }

    /**
     * The action and options of one command line.
     *
     * @param argument the action's argument: the demo user or partner client of {@code --token=}
     */
    public record CommandLine(
            Action action,
            DevstackOptions options,
            @Nullable String argument) {}

    /**
     * Reads {@code --countries=UA,PL,DE --data-dir=DIR --port-offset=N --reset --no-seed --health --help}.
     *
     * @throws IllegalArgumentException naming the flag that is unknown or malformed
     */
    public static CommandLine parse(List<String> args, Path installDir) {
        var options = defaults(installDir);
        var action = Action.RUN;
        String argument = null;
        for (var arg : args) {
            var equals = arg.indexOf('=');
            var flag = equals < 0 ? arg : arg.substring(0, equals);
            var value = equals < 0 ? null : arg.substring(equals + 1);
            switch (flag) {
                case "--countries" -> options = options.withCountries(countryList(required(flag, value)));
                case "--data-dir" -> options = options.withDataDir(Path.of(required(flag, value)));
                case "--port-offset" -> options = options.withPortOffset(number(flag, required(flag, value)));
                case "--reset" -> options = options.withReset(noValue(flag, value, true));
                case "--no-seed" -> options = options.withSeed(!noValue(flag, value, true));
                case "--health" -> action = noValue(flag, value, true) ? Action.HEALTH : action;
                case "--token" -> {
                    action = Action.TOKEN;
                    argument = required(flag, value);
                }
                case "--help", "-h" -> action = Action.HELP;
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (action != Action.RUN && options.reset()) {
            throw new IllegalArgumentException("--reset only goes with starting the stack");
        }
        return new CommandLine(action, options, argument);
    }

    private static String required(String flag, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(flag + " needs a value: " + flag + "=...");
        }
        return value;
    }

    private static boolean noValue(String flag, @Nullable String value, boolean result) {
        if (value != null) {
            throw new IllegalArgumentException(flag + " takes no value");
        }
        return result;
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(flag + " needs a whole number");
        }
    }

    private static List<String> countryList(String value) {
        var list = new ArrayList<String>();
        for (var part : value.split(",", -1)) {
            list.add(part.strip().toUpperCase(Locale.ROOT));
        }
        return list;
    }

    /** The help text of the command. */
    public static String usage() {
        return """
                Usage: ./devstack [flags]

                Starts Homeward on this machine with real components: Kafka (KRaft), the MongoDB wire server (H2
                files), Keycloak, a registry per country, matching, notification and an SMTP server with a web API.
                Ctrl-C stops everything; running it again keeps the data.

                  --countries=UA,PL,DE  countries with a registry (default UA,PL,DE; at most %d)
                  --reset               wipe the data folder first (records, topics, users, keys, logs)
                  --no-seed             do not seed synthetic records on the first start
                  --data-dir=DIR        data and logs folder (default .devstack)
                  --port-offset=N       add N to every port (to run a second stack beside the first)
                  --health              check every component of the running stack; exit 0 if all are healthy
                  --token=USER          print an access token of a demo user (e.g. pl-caseworker) or partner
                                        client (e.g. partner-pl) of the running stack
                  --build               (script only) rebuild the services and the launcher first
                  --help                this text
                """.formatted(MAX_COUNTRIES);
    }
}
