package org.homeward.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.homeward.platform.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Against the MongoDB wire server, which answers a conditional update from such an index: the index must follow the
 * documents as their condition fields change, or a claim would miss its document or take a stale one.
 */
class ConditionalUpdateIndexesIntegrationTests {

    private static final String COLLECTION = "claims";

    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedServers.mongoUri("platform-conditional-updates"));
        mongo = new MongoTemplate(client, "platform-conditional-updates");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshCollection() {
        if (mongo.collectionExists(COLLECTION)) {
            mongo.dropCollection(COLLECTION);
        }
        ConditionalUpdateIndexes.ensure(mongo.indexOps(COLLECTION), "status");
    }

    @Test
    void conditionalUpdatesFollowTheFieldAsItChanges() {
        mongo.insert(new Document("_id", "d-1").append("status", "PENDING"), COLLECTION);
        mongo.insert(new Document("_id", "d-2").append("status", "PENDING"), COLLECTION);

        assertThat(move("d-1", "PENDING", "SENDING")).isTrue();
        assertThat(move("d-1", "PENDING", "SENDING"))
                .as("a second claim of the same attempt")
                .isFalse();
        assertThat(move("d-1", "SENDING", "PENDING")).isTrue();
        assertThat(move("d-1", "PENDING", "SENDING"))
                .as("claimed again after a retry")
                .isTrue();
        assertThat(move("d-1", "SENDING", "SENT")).isTrue();
        assertThat(move("d-1", "SENDING", "DEAD"))
                .as("a finished attempt cannot be finished twice")
                .isFalse();

        assertThat(mongo.findById("d-1", Document.class, COLLECTION)).containsEntry("status", "SENT");
        assertThat(mongo.findById("d-2", Document.class, COLLECTION))
                .as("the other document is untouched")
                .containsEntry("status", "PENDING");
    }

    @Test
    void theIndexIsCreatedOnceUnderItsOwnName() {
        ConditionalUpdateIndexes.ensure(mongo.indexOps(COLLECTION), "status");

        assertThat(mongo.indexOps(COLLECTION).getIndexInfo())
                .filteredOn(index -> index.getName().equals("_id_status_condition"))
                .singleElement()
                .satisfies(index -> assertThat(index.isUnique()).isTrue());
    }

    @Test
    void theIdAloneNeedsNoSecondIndex() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ConditionalUpdateIndexes.ensure(mongo.indexOps(COLLECTION)));
    }

    private boolean move(String id, String from, String to) {
        return mongo.updateFirst(
                                Query.query(where("_id").is(id).and("status").is(from)),
                                new Update().set("status", to),
                                COLLECTION)
                        .getModifiedCount()
                == 1;
    }
}
