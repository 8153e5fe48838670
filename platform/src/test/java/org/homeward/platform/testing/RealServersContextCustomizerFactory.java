package org.homeward.platform.testing;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered by {@link RealServers}; starts the shared servers and adds their addresses to the environment. */
final class RealServersContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, RealServers.class)) {
            return null;
        }
        return new RealServersContextCustomizer(databaseFor(testClass));
    }

    /** Stable for a class, so its contexts are cached, and distinct between classes of the same simple name. */
    static String databaseFor(Class<?> testClass) {
        var outermost = testClass;
        while (outermost.getEnclosingClass() != null) {
            outermost = outermost.getEnclosingClass();
        }
        var name = outermost.getSimpleName().replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        var hash = HexFormat.of().toHexDigits(outermost.getName().hashCode());
        return name + "-" + hash;
    }

    private record RealServersContextCustomizer(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            var properties = Map.<String, Object>of(
                    "spring.kafka.bootstrap-servers", EmbeddedServers.kafkaBootstrapServers(),
                    "spring.mongodb.uri", EmbeddedServers.mongoUri(database),
                    "spring.mongodb.database", database);
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("homewardRealServers", properties));
        }
    }
}
