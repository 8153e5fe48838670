package org.homeward.platform.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Import into a service's Spring Boot test ({@code @Import(TestSecurityConfiguration.class)}) so the security
 * auto-configuration accepts {@link TestTokens} instead of asking Keycloak.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder() {
        return TestTokens.decoder();
    }
}
