package org.homeward.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import org.homeward.platform.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;

/** Against the MongoDB wire server: what exists is skipped and reported, everything else is stored as mapped. */
class BulkInsertsIntegrationTests {

    private static final String DATABASE = "platform-bulk-inserts";

    private static MongoClient client;
    private static MongoTemplate mongo;

    @Document("labels")
    @TypeAlias("label")
    record Label(@Id String id, String text, List<String> tags) {}

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedServers.mongoUri(DATABASE));
        mongo = new MongoTemplate(client, DATABASE);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshCollection() {
        if (mongo.collectionExists(Label.class)) {
            mongo.dropCollection(Label.class);
        }
        mongo.indexOps(Label.class)
                .createIndex(new Index().on("text", Sort.Direction.ASC).unique());
    }

    @Test
    void storesWhatIsNewAndReportsWhatExistedOrCameTwice() {
        mongo.insert(new Label("l-1", "first", List.of()));

        var stored = BulkInserts.insertAbsent(
                mongo,
                Label.class,
                List.of(
                        new Label("l-1", "first again", List.of()),
                        new Label("l-2", "second", List.of("a", "b")),
                        new Label("l-2", "second twice", List.of())));

        assertThat(stored).containsExactly(false, true, false);
        assertThat(mongo.findById("l-1", Label.class)).extracting(Label::text).isEqualTo("first");
        assertThat(mongo.findById("l-2", Label.class)).isEqualTo(new Label("l-2", "second", List.of("a", "b")));
        assertThat(mongo.getCollection("labels")
                        .find(new org.bson.Document("_id", "l-2"))
                        .first())
                .as("mapped as the template maps it, type alias included")
                .containsEntry("_class", "label");
    }

    @Test
    void aTakenUniqueKeyOtherThanTheIdCountsAsExistingAndTheRestIsStored() {
        mongo.insert(new Label("l-1", "taken", List.of()));

        var stored = BulkInserts.insertAbsent(
                mongo, Label.class, List.of(new Label("l-2", "taken", List.of()), new Label("l-3", "free", List.of())));

        assertThat(stored).containsExactly(false, true);
        assertThat(mongo.findById("l-2", Label.class)).isNull();
        assertThat(mongo.findById("l-3", Label.class)).isNotNull();
    }

    @Test
    void anUnreachableStoreIsADataAccessFailure() {
        try (var unreachable = MongoClients.create(
                "mongodb://127.0.0.1:1/" + DATABASE + "?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
            var template = new MongoTemplate(unreachable, DATABASE);
            assertThatExceptionOfType(DataAccessException.class)
                    .isThrownBy(() -> BulkInserts.insertAbsent(
                            template, Label.class, List.of(new Label("l-1", "first", List.of()))));
        }
    }
}
