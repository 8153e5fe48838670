package org.homeward.registry.childrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.registry.childrecord.ChildRecordRequests.aMissingReport;

import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.homeward.registry.RecordEvents;
import org.homeward.registry.TestKeysets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same path against real MongoDB and Kafka images, where Docker exists; skipped where it does not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "homeward.country=PL")
@Import(TestSecurityConfiguration.class)
@Testcontainers(disabledWithoutDocker = true)
class ChildRecordContainersIntegrationTests {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("homeward-registry"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        TestKeysets.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ContractCodec codec;

    @Test
    void registersAndPublishesAgainstRealMongoDbAndKafka() {
        try (var events = new RecordEvents(KAFKA.getBootstrapServers(), Topics.registryRecords("PL"), codec)) {
            var response = new ServiceApi(port)
                    .call("POST", "/api/v1/records")
                    .token(TestTokens.caseworker("PL"))
                    .json(aMissingReport().named("Тестанна", "Контейнерко").json())
                    .send();

            assertThat(response.status()).isEqualTo(201);
            var id = response.json().get("id").asString();
            assertThat(events.await(id, ChildRecordRegistered.class)
                            .getProfile()
                            .getNames()
                            .getFirst()
                            .getScript())
                    .isEqualTo("Cyrl");
        }
    }
}
