package org.homeward.registry.childrecord;

import jakarta.validation.constraints.Positive;
import org.apache.kafka.clients.admin.NewTopic;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.platform.mongo.ConditionalUpdateIndexes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.validation.annotation.Validated;

@Configuration(proxyBeanMethods = false)
class ChildRecordConfiguration {

    /** How the country's records topic is created when it does not exist yet. */
    @Validated
    @ConfigurationProperties("homeward.records-topic")
    record RecordsTopicProperties(
            @DefaultValue("6") @Positive int partitions,
            @DefaultValue("1") @Positive short replicas) {}

    @Bean
    NewTopic recordsTopic(@Value("${homeward.country}") String country, RecordsTopicProperties properties) {
        return new NewTopic(Topics.registryRecords(country), properties.partitions(), properties.replicas());
    }

    @Bean
    ContractCodec contractCodec() {
        return new ContractCodec();
    }

    /**
     * Indexes for the search queries of {@link ChildRecordService#search} and for optimistic-lock saves, created by
     * code at start-up.
     */
    @EventListener(ApplicationStartedEvent.class)
    void createIndexes(ApplicationStartedEvent started) {
        var indexes =
                started.getApplicationContext().getBean(MongoTemplate.class).indexOps(ChildRecord.class);
        indexes.createIndex(new Index().on("country", Sort.Direction.ASC).on("searchKeys", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("country", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("outbox.0", Sort.Direction.ASC).sparse());
        ConditionalUpdateIndexes.ensure(indexes, "version");
    }
}
