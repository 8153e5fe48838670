package org.homeward.platform.security;

import jakarta.servlet.DispatcherType;
import org.homeward.platform.problem.ProblemAutoConfiguration;
import org.homeward.platform.problem.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes a service an OAuth2 resource server for Keycloak tokens: stateless, bearer tokens only (so CSRF is off),
 * health, info, metrics and API docs public, everything else authenticated, 401/403 as problem details. Backs off
 * when the service defines its own {@link SecurityFilterChain}, {@link JwtDecoder} or {@link CallerJwtConverter}.
 */
@AutoConfiguration(
        after = ProblemAutoConfiguration.class,
        before = {
            OAuth2ResourceServerAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            SecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HomewardSecurityProperties.class)
public final class HomewardSecurityAutoConfiguration {

    /** Paths anyone may call: probes, metrics scraping and the API description. */
    static final String[] PUBLIC_PATHS = {
        "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**"
    };

    @Bean
    @ConditionalOnMissingBean
    CallerJwtConverter callerJwtConverter() {
        return new CallerJwtConverter();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain homewardSecurityFilterChain(
            HttpSecurity http, CallerJwtConverter converter, ProblemWriter problems) {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        var accessDenied = new ProblemAccessDeniedHandler(problems);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        // Errors forwarded to /error already passed (or failed) authentication on the way in.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
        return http.build();
    }

    /**
     * Validates signature (keys from the realm's JWKS, fetched on first use so start-up does not need Keycloak),
     * issuer, expiry and not-before, and audience.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder homewardJwtDecoder(HomewardSecurityProperties properties) {
        var audience = properties.audience();
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("Set homeward.security.audience: tokens for other audiences must fail");
        }
        var issuer = properties.issuerUri();
        var jwkSetUri = properties.jwkSetUri();
        if (issuer == null && jwkSetUri == null) {
            throw new IllegalStateException("Set homeward.security.issuer-uri (or jwk-set-uri) to validate tokens");
        }
        var validator = TokenValidators.of(issuer, audience, properties.clockSkew());
        return new SupplierJwtDecoder(() -> {
            var decoder = jwkSetUri != null
                    ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build()
                    : NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }
}
