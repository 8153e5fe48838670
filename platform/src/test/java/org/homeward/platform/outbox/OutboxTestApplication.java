package org.homeward.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** A service with one aggregate that keeps its pending events in its own document, as services do. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMongoRepositories(considerNestedRepositories = true)
class OutboxTestApplication {

    static final String COLLECTION = "outboxDocuments";

    @Document(COLLECTION)
    static class Parcel {

        @Id
        private final String id;

        @Version
        private @Nullable Long version;

        private String state;
        private List<OutboxEntry> outbox = new ArrayList<>();

        @PersistenceCreator
        Parcel(String id, @Nullable Long version, String state, List<OutboxEntry> outbox) {
            this.id = id;
            this.version = version;
            this.state = state;
            this.outbox = new ArrayList<>(outbox);
        }

        Parcel(String id) {
            this(id, null, "new", List.of());
        }

        void change(String next, OutboxEntry event) {
            state = next;
            outbox.add(event);
        }

        String id() {
            return id;
        }

        @Nullable
        Long version() {
            return version;
        }

        List<OutboxEntry> outbox() {
            return List.copyOf(outbox);
        }
    }

    interface Parcels extends MongoRepository<Parcel, String> {}
}
