package org.homeward.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Points a Spring Boot test at the JVM's shared {@link EmbeddedServers}: {@code spring.kafka.bootstrap-servers} at
 * the KRaft broker and {@code spring.mongodb.uri} at the MongoDB wire server, with a database of its own per test
 * class (named after the class), so classes never see each other's documents.
 *
 * <pre>{@code
 * @SpringBootTest
 * @RealServers
 * @Import(TestSecurityConfiguration.class)
 * class ChildRecordIntegrationTests { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(RealServersContextCustomizerFactory.class)
public @interface RealServers {}
