package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceiverLaneTests {

    private final ExecutorService completions = Executors.newFixedThreadPool(2);
    private final ReceiverLane lane = new ReceiverLane(2, completions);
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<AttemptOutcome>> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        completions.shutdownNow();
    }

    /** A call that runs until the test ends it. */
    private Supplier<CompletableFuture<AttemptOutcome>> call(String name) {
        return () -> {
            started.add(name);
            var call = new CompletableFuture<AttemptOutcome>();
            calls.add(call);
            return call;
        };
    }

    @Test
    void runsAtMostItsLimitAndStartsTheNextInOrderAsOneEnds() throws Exception {
        var outcomes = new ArrayList<CompletableFuture<AttemptOutcome>>();
        for (var name : List.of("a", "b", "c", "d")) {
            outcomes.add(lane.submit(call(name)));
        }
        assertThat(started).containsExactly("a", "b");
        assertThat(lane.waiting()).isEqualTo(2);

        calls.get(1).complete(new AttemptOutcome.Delivered());

        // Nobody submits again: the call that ended starts the next one.
        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 3);
        assertThat(started).containsExactly("a", "b", "c");
        assertThat(outcomes.get(1).get()).isEqualTo(new AttemptOutcome.Delivered());
        assertThat(outcomes.get(0)).isNotDone();
        assertThat(lane.running()).isEqualTo(2);

        calls.get(0).complete(new AttemptOutcome.Retry("receiver answered HTTP 503"));
        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 4);
        assertThat(outcomes.get(0).get()).isEqualTo(new AttemptOutcome.Retry("receiver answered HTTP 503"));
        assertThat(lane.waiting()).isZero();
    }

    @Test
    void skipsAWaitingCallItsAttemptGaveUpAndStopsARunningOne() {
        var running = lane.submit(call("running"));
        lane.submit(call("other"));
        var givenUp = lane.submit(call("given-up"));
        lane.submit(call("next"));

        givenUp.cancel(true);
        running.cancel(true);

        // The running call was stopped, which freed its place for the next one that still wants it.
        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 3);
        assertThat(calls.getFirst()).isCancelled();
        assertThat(started).containsExactly("running", "other", "next");
        assertThat(lane.running()).isEqualTo(2);
        assertThat(lane.waiting()).isZero();
    }

    @Test
    void callsThatFailAtOnceEndEachOnceWithoutHoldingTheirPlaces() {
        var outcomes = new ArrayList<CompletableFuture<AttemptOutcome>>();
        for (int i = 0; i < 10_000; i++) {
            outcomes.add(lane.submit(() -> {
                throw new IllegalArgumentException("no such header");
            }));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> outcomes.stream().allMatch(CompletableFuture::isCompletedExceptionally));
        assertThat(lane.running()).isZero();
        assertThat(lane.waiting()).isZero();

        // The lane still works afterwards.
        var after = lane.submit(call("after"));
        calls.getFirst().complete(new AttemptOutcome.Delivered());
        assertThat(after.join()).isEqualTo(new AttemptOutcome.Delivered());
    }
}
