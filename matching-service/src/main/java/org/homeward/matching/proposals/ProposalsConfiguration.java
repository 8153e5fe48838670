package org.homeward.matching.proposals;

import org.homeward.platform.mongo.ConditionalUpdateIndexes;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProposalProperties.class)
class ProposalsConfiguration {

    /** Indexes for the queries of {@link MatchProposalService}, created by code at start-up. */
    @EventListener(ApplicationStartedEvent.class)
    void createIndexes(ApplicationStartedEvent started) {
        var indexes =
                started.getApplicationContext().getBean(MongoTemplate.class).indexOps(MatchProposal.class);
        indexes.createIndex(new Index().on("recordIds", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("countries", Sort.Direction.ASC).on("updatedAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("outbox.0", Sort.Direction.ASC).sparse());
        // Every save is an optimistic-lock update by id and version.
        ConditionalUpdateIndexes.ensure(indexes, "version");
    }
}
