package org.homeward.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.homeward.devstack.DevstackOptions.Action;
import org.junit.jupiter.api.Test;

class DevstackOptionsTests {

    private static final Path INSTALL = Path.of("deploy/devstack/target");

    private static DevstackOptions.CommandLine parse(String... args) {
        return DevstackOptions.parse(List.of(args), INSTALL);
    }

    @Test
    void startsUkrainePolandAndGermanySeededOnDefaultPortsWithoutFlags() {
        var commandLine = parse();

        assertThat(commandLine.action()).isEqualTo(Action.RUN);
        var options = commandLine.options();
        assertThat(options.countries()).containsExactly("UA", "PL", "DE");
        assertThat(options.dataDir()).isEqualTo(Path.of(".devstack"));
        assertThat(options.portOffset()).isZero();
        assertThat(options.reset()).isFalse();
        assertThat(options.seed()).isTrue();
        assertThat(options.installDir()).isEqualTo(INSTALL);
    }

    @Test
    void readsEveryFlag() {
        var options = parse(
                        "--countries=ua, pl,DE,md",
                        "--data-dir=/tmp/stack",
                        "--port-offset=1000",
                        "--reset",
                        "--no-seed")
                .options();

        assertThat(options.countries()).containsExactly("UA", "PL", "DE", "MD");
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(options.portOffset()).isEqualTo(1000);
        assertThat(options.reset()).isTrue();
        assertThat(options.seed()).isFalse();
    }

    @Test
    void readsHealthTokenAndHelpActions() {
        assertThat(parse("--health", "--port-offset=5").action()).isEqualTo(Action.HEALTH);
        assertThat(parse("--token=pl-ncp").action()).isEqualTo(Action.TOKEN);
        assertThat(parse("--token=pl-ncp").argument()).isEqualTo("pl-ncp");
        assertThat(parse("--help").action()).isEqualTo(Action.HELP);
    }

    @Test
    void namesAnUnknownFlag() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--countries=UA", "--seed-all"))
                .withMessage("unknown flag --seed-all");
    }

    @Test
    void rejectsMalformedValuesNamingTheFlag() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--port-offset=many"))
                .withMessageContaining("--port-offset");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--port-offset=-1"))
                .withMessageContaining("--port-offset");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--data-dir="))
                .withMessageContaining("--data-dir needs a value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--reset=yes"))
                .withMessageContaining("--reset takes no value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--token"))
                .withMessageContaining("--token needs a value");
    }

    @Test
    void acceptsOnlyDistinctIsoCountriesUpToNine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--countries=UA,XX"))
                .withMessageContaining("XX is not an ISO 3166-1 alpha-2 code");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--countries=UA,PL,UA"))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("--countries=UA,PL,DE,MD,RO,CZ,SK,HU,LT,LV"))
                .withMessageContaining("more than 9");
        assertThat(parse("--countries=UA,PL,DE,MD,RO,CZ,SK,HU,LT").options().countries())
                .hasSize(9);
    }

    @Test
    void resetGoesOnlyWithStartingTheStack() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--health", "--reset"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--reset", "--token=pl-ncp"));
    }
}
