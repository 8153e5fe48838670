package org.homeward.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.homeward.platform.problem.ProblemAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

class HomewardSecurityAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ProblemAutoConfiguration.class,
                    HomewardSecurityAutoConfiguration.class,
                    SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class));

    @Test
    void buildsDecoderFromIssuerWithoutCallingKeycloakAtStartUp() {
        runner.withPropertyValues(
                        "homeward.security.issuer-uri=http://127.0.0.1:1/realms/homeward",
                        "homeward.security.audience=registry")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(SupplierJwtDecoder.class);
                    assertThat(context).getBeans(SecurityFilterChain.class).hasSize(1);
                });
    }

    @Test
    void refusesToStartWithoutAudience() {
        runner.withPropertyValues("homeward.security.issuer-uri=http://127.0.0.1:1/realms/homeward")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("homeward.security.audience"));
    }

    @Test
    void backsOffWhenTheServiceDefinesItsOwnChainAndDecoder() {
        runner.withUserConfiguration(OwnSecurity.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeans(SecurityFilterChain.class).containsOnlyKeys("ownChain");
            assertThat(context).getBeans(JwtDecoder.class).containsOnlyKeys("ownDecoder");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSecurity {

        @Bean
        SecurityFilterChain ownChain(HttpSecurity http) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
        }

        @Bean
        JwtDecoder ownDecoder() {
            return token -> {
                throw new UnsupportedOperationException("not used");
            };
        }
    }
}
