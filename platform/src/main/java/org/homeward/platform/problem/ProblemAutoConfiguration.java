package org.homeward.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error of a servlet service as an RFC 9457 problem, refuses JSON bodies with unknown fields and
 * bodies over {@code homeward.http.max-request-body}. Spring's own errors are problems whether or not {@code
 * spring.mvc.problemdetails.enabled} is set: the advice replaces Boot's handler for them.
 */
@AutoConfiguration(
        after = JacksonAutoConfiguration.class,
        before = {ErrorMvcAutoConfiguration.class, WebMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpProperties.class)
public final class ProblemAutoConfiguration {

    /** Before the security filter chain, so an oversized body costs nothing more than reading its headers. */
    static final int BODY_LIMIT_FILTER_ORDER = -200;

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(JsonMapper mapper) {
        return new ProblemWriter(mapper);
    }

    /** A service's own advice may extend {@link ResponseEntityExceptionHandler} too; it is asked first. */
    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    @ConditionalOnMissingBean(name = "requestBodyLimitFilter")
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            HttpProperties properties, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxRequestBody().toBytes(), problems));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    @Bean
    RefuseUnknownProperties refuseUnknownJsonProperties() {
        return new RefuseUnknownProperties();
    }

    /**
     * A misspelt field would otherwise be dropped silently and the record stored without it. Runs before Boot's
     * customizer, so {@code spring.jackson.deserialization.fail-on-unknown-properties=false} still wins.
     */
    static final class RefuseUnknownProperties implements JsonMapperBuilderCustomizer, Ordered {

        @Override
        public void customize(JsonMapper.Builder builder) {
            builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }

        @Override
        public int getOrder() {
            return -10;
        }
    }
}
