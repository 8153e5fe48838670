package org.homeward.notification.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The calls to one webhook receiver: at most {@code limit} at once, the others waiting their turn in order. A call
 * that ends starts the next one on a {@code completions} thread (the HTTP client's platform threads), so a receiver's
 * calls follow one another without waiting for the attempts' virtual threads to be scheduled: under a burst thousands
 * of them are runnable, and a permit handed from one waiting virtual thread to the next cost two turns through that
 * queue per call.
 *
 * <p>A waiting call whose result was cancelled (its attempt was interrupted) is skipped; a running one is cancelled
 * too. Call ends are handled on {@code completions}, never on the thread that started the call, so calls that fail
 * at once cannot recurse into one another.
 */
final class ReceiverLane {

    private final int limit;
    private final Executor completions;
    private final Queue<Turn> waiting = new ArrayDeque<>();
    private int running;

    ReceiverLane(int limit, Executor completions) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        this.completions = completions;
    }

    /**
     * Queues a call; it starts when fewer than {@code limit} calls run.
     *
     * @param call starts the call (on whichever thread its turn comes) and gives its outcome
     * @return the call's outcome; cancel it to give up the turn or stop the call
     */
    CompletableFuture<AttemptOutcome> submit(Supplier<CompletableFuture<AttemptOutcome>> call) {
        var turn = new Turn(call, new CompletableFuture<>());
        synchronized (this) {
            waiting.add(turn);
        }
        startWhatFits();
        return turn.outcome();
    }

    /** Calls running now. */
    synchronized int running() {
        return running;
    }

    /** Calls waiting for their turn. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void startWhatFits() {
        var starting = new ArrayList<Turn>();
        synchronized (this) {
            while (running < limit && !waiting.isEmpty()) {
                var turn = waiting.remove();
                if (!turn.outcome().isDone()) {
                    running++;
                    starting.add(turn);
                }
            }
        }
        starting.forEach(this::start);
    }

    private void start(Turn turn) {
        CompletableFuture<AttemptOutcome> call;
        try {
            call = turn.call().get();
        } catch (RuntimeException failed) {
            call = CompletableFuture.failedFuture(failed);
        }
        var inCall = call;
        turn.outcome().whenComplete((outcome, failure) -> {
            if (turn.outcome().isCancelled()) {
                inCall.cancel(true);
            }
        });
        inCall.whenCompleteAsync(
                (outcome, failure) -> {
                    synchronized (this) {
                        running--;
                    }
                    if (failure == null) {
                        turn.outcome().complete(outcome);
                    } else {
                        turn.outcome().completeExceptionally(failure);
                    }
                    startWhatFits();
                },
                completions);
    }

    private record Turn(Supplier<CompletableFuture<AttemptOutcome>> call, CompletableFuture<AttemptOutcome> outcome) {}
}
