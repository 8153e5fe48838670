package org.homeward.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Renders every error of a servlet service as an RFC 9457 problem. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(JsonMapper mapper) {
        return new ProblemWriter(mapper);
    }
}
