package org.homeward.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.homeward.platform.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Against the MongoDB wire server: many callers' writes go out together, and each caller still learns the outcome of
 * its own write — a duplicate or a violated index fails that write alone.
 */
class GroupCommitIntegrationTests {

    private static final String DATABASE = "platform-group-commit";
    private static final AtomicInteger WRITE_COMMANDS = new AtomicInteger();

    private static MongoClient client;
    private static MongoTemplate mongo;

    @Document("parcels")
    record Parcel(@Id String id, String label, String status) {}

    @BeforeAll
    static void connect() {
        CommandListener countWrites = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("insert")
                        || event.getCommandName().equals("update")) {
                    WRITE_COMMANDS.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedServers.mongoUri(DATABASE)))
                .addCommandListener(countWrites)
                .build());
        mongo = new MongoTemplate(client, DATABASE);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshCollection() {
        mongo.dropCollection(Parcel.class);
        mongo.indexOps(Parcel.class)
                .createIndex(new Index().on("label", Sort.Direction.ASC).unique());
    }

    @Test
    void writesOfManyCallersGoOutTogetherAndAllLand() throws Exception {
        var callers = 200;
        var outcomes = new ConcurrentHashMap<String, Boolean>();
        try (var writes = new GroupCommit(mongo, Parcel.class, 500);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var start = new CountDownLatch(1);
            var done = new ArrayList<Future<?>>();
            WRITE_COMMANDS.set(0);
            for (var caller = 0; caller < callers; caller++) {
                var id = "p-" + caller;
                done.add(threads.submit(() -> {
                    start.await();
                    outcomes.put(id, writes.insert(new Parcel(id, "label-" + id, "NEW")));
                    writes.updateOne(Filters.eq("_id", id), Updates.set("status", "SENT"));
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(outcomes)
                .hasSize(callers)
                .allSatisfy((id, stored) -> assertThat(stored).isTrue());
        assertThat(mongo.findAll(Parcel.class))
                .hasSize(callers)
                .allSatisfy(parcel -> assertThat(parcel.status()).isEqualTo("SENT"));
        assertThat(WRITE_COMMANDS.get())
                .as("write commands for %d inserts and %d updates", callers, callers)
                .isLessThan(callers);
    }

    @Test
    void aDuplicateIsReportedToItsCallerAloneAndNothingIsOverwritten() throws Exception {
        mongo.insert(new Parcel("p-1", "first", "NEW"));
        try (var writes = new GroupCommit(mongo, Parcel.class, 500);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var again = threads.submit(() -> writes.insert(new Parcel("p-1", "again", "NEW")));
            var fresh = threads.submit(() -> writes.insert(new Parcel("p-2", "second", "NEW")));

            assertThat(again.get(30, TimeUnit.SECONDS)).as("the id exists").isFalse();
            assertThat(fresh.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(mongo.findById("p-1", Parcel.class))
                .extracting(Parcel::label)
                .isEqualTo("first");
        assertThat(mongo.findById("p-2", Parcel.class))
                .extracting(Parcel::label)
                .isEqualTo("second");
    }

    @Test
    void anUpdateThatBreaksAUniqueIndexFailsAloneAndChangesNothing() {
        mongo.insert(new Parcel("p-1", "first", "NEW"));
        mongo.insert(new Parcel("p-2", "second", "NEW"));
        try (var writes = new GroupCommit(mongo, Parcel.class, 500)) {
            assertThatExceptionOfType(DuplicateKeyException.class)
                    .isThrownBy(() -> writes.updateOne(Filters.eq("_id", "p-2"), Updates.set("label", "first")));
            writes.updateOne(Filters.eq("_id", "p-1"), Updates.set("status", "SENT"));
        }
        assertThat(mongo.findById("p-2", Parcel.class))
                .extracting(Parcel::label)
                .isEqualTo("second");
        assertThat(mongo.findById("p-1", Parcel.class))
                .extracting(Parcel::status)
                .isEqualTo("SENT");
    }

    @Test
    void anUpdateTheCodecsCannotWriteFailsItsCallerAloneAndTheBulkItWouldHaveJoinedLands() throws Exception {
        var callers = 100;
        for (var caller = 0; caller < callers; caller++) {
            mongo.insert(new Parcel("p-" + caller, "label-" + caller, "NEW"));
        }
        var failures = new ConcurrentHashMap<String, Throwable>();
        try (var writes = new GroupCommit(mongo, Parcel.class, 500);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var start = new CountDownLatch(1);
            var done = new ArrayList<Future<?>>();
            for (var caller = 0; caller < callers; caller++) {
                var id = "p-" + caller;
                // One caller in the middle of the crowd writes a value no codec knows.
                Object status = caller == callers / 2 ? new Object() : "SENT";
                done.add(threads.submit(() -> {
                    start.await();
                    try {
                        writes.updateOne(Filters.eq("_id", id), Updates.set("status", status));
                    } catch (RuntimeException failed) {
                        failures.put(id, failed);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(failures).containsOnlyKeys("p-" + callers / 2);
        assertThat(failures.get("p-" + callers / 2)).isInstanceOf(CodecConfigurationException.class);
        assertThat(mongo.findAll(Parcel.class))
                .filteredOn(parcel -> parcel.status().equals("SENT"))
                .hasSize(callers - 1);
    }

    @Test
    void closingLeavesNoCallerWaitingAndEveryAnswerTrue() throws Exception {
        var writes = new GroupCommit(mongo, Parcel.class, 10);
        var answers = new ConcurrentHashMap<String, String>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new ArrayList<Future<?>>();
            for (var caller = 0; caller < 100; caller++) {
                var id = "p-" + caller;
                done.add(threads.submit(() -> {
                    try {
                        answers.put(id, writes.insert(new Parcel(id, "label-" + id, "NEW")) ? "written" : "duplicate");
                    } catch (IllegalStateException closed) {
                        answers.put(id, "refused");
                    }
                }));
            }
            writes.close();
            for (var future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        }

        var stored = mongo.findAll(Parcel.class).stream().map(Parcel::id).toList();
        assertThat(answers).hasSize(100);
        answers.forEach((id, answer) ->
                assertThat(stored.contains(id)).as("%s answered %s", id, answer).isEqualTo(answer.equals("written")));
        assertThatIllegalStateException().isThrownBy(() -> writes.insert(new Parcel("late", "late", "NEW")));
    }

    @Test
    void everyCallerLearnsThatTheStoreWasOutOfReach() throws Exception {
        var unreachable = MongoClients.create(
                "mongodb://127.0.0.1:1/" + DATABASE + "?serverSelectionTimeoutMS=300&connectTimeoutMS=300");
        try (unreachable;
                var writes = new GroupCommit(new MongoTemplate(unreachable, DATABASE), Parcel.class, 500);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> attempts = IntStream.range(0, 5)
                    .mapToObj(caller ->
                            threads.submit(() -> writes.insert(new Parcel("p-" + caller, "l-" + caller, "NEW"))))
                    .toList();
            for (var attempt : attempts) {
                try {
                    attempt.get(30, TimeUnit.SECONDS);
                    throw new AssertionError("a write to an unreachable store succeeded");
                } catch (ExecutionException failed) {
                    assertThat(failed.getCause()).isInstanceOf(DataAccessException.class);
                }
            }
        }
    }
}
