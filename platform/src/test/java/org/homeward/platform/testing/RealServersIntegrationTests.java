package org.homeward.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = RealServersIntegrationTests.Service.class)
@RealServers
class RealServersIntegrationTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TestSecurityConfiguration.class)
    static class Service {}

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void pointsTheServiceAtTheSharedServersWithADatabaseOfItsOwn() {
        var expected = RealServersContextCustomizerFactory.databaseFor(RealServersIntegrationTests.class);

        mongo.getCollection("probes").insertOne(new Document("probe", 1));

        assertThat(mongo.getDb().getName()).isEqualTo(expected).startsWith("realserversintegrationtests-");
        assertThat(EmbeddedServers.mongo().getLocalAddress().getPort()).isPositive();
        assertThat(bootstrapServers).isEqualTo(EmbeddedServers.kafkaBootstrapServers());
        assertThat(mongo.getCollection("probes").countDocuments()).isEqualTo(1);
    }

    @Test
    void namesDatabasesStablyAndDistinctlyPerTestClass() {
        assertThat(RealServersContextCustomizerFactory.databaseFor(Nested.class))
                .isEqualTo(RealServersContextCustomizerFactory.databaseFor(RealServersIntegrationTests.class));
        assertThat(RealServersContextCustomizerFactory.databaseFor(KafkaTestConsumerIntegrationTests.class))
                .isNotEqualTo(RealServersContextCustomizerFactory.databaseFor(RealServersIntegrationTests.class));
        assertThat(EmbeddedServers.kafka()).isSameAs(EmbeddedServers.kafka());
        assertThat(EmbeddedServers.mongo()).isSameAs(EmbeddedServers.mongo());
    }

    static class Nested {}
}
