package org.homeward.platform.audit;

import java.time.Clock;
import org.homeward.platform.clock.ClockAutoConfiguration;
import org.homeward.platform.security.HomewardSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The {@link AuditTrail} on the service's MongoDB (indexes created at start-up) and, in web services, the auditors'
 * endpoint {@code GET /api/v1/audit-entries} (off with {@code homeward.audit.endpoint-enabled=false}).
 */
@AutoConfiguration(
        after = {ClockAutoConfiguration.class, DataMongoAutoConfiguration.class, HomewardSecurityAutoConfiguration.class
        })
@ConditionalOnBean(MongoOperations.class)
public final class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditTrail auditTrail(MongoOperations mongo, Clock clock) {
        var trail = new AuditTrail(mongo, clock);
        trail.createIndexes();
        return trail;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBooleanProperty(name = "homeward.audit.endpoint-enabled", matchIfMissing = true)
    static class Endpoint {

        @Bean
        AuditEntryController auditEntryController(AuditTrail trail, Environment environment) {
            return new AuditEntryController(trail, environment.getProperty("homeward.country"));
        }
    }
}
