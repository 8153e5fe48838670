package org.homeward.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

class ProblemAutoConfigurationTests {

    record Form(String name) {}

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ProblemAutoConfiguration.class));

    @Test
    void makesJsonMapperRefuseUnknownFields() {
        runner.run(context -> assertThatExceptionOfType(UnrecognizedPropertyException.class)
                .isThrownBy(() -> context.getBean(JsonMapper.class)
                        .readValue("{\"name\": \"a\", \"nickname\": \"b\"}", Form.class)));
    }

    @Test
    void letsServiceConfigurationAcceptUnknownFieldsAgain() {
        runner.withPropertyValues("spring.jackson.deserialization.fail-on-unknown-properties=false")
                .run(context -> assertThat(context.getBean(JsonMapper.class)
                                .readValue("{\"name\": \"a\", \"nickname\": \"b\"}", Form.class))
                        .isEqualTo(new Form("a")));
    }

    @Test
    void rejectsSlugsThatAreNotLowerCaseWords() {
        assertThat(ProblemTypes.of("match-already-decided"))
                .hasToString("https://homeward.example/problems/match-already-decided");
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ProblemTypes.of("Bad Slug"));
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ProblemTypes.of("../x"));
    }
}
