package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBackoffTests {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(1));

    @Test
    void doublesTheCapPerAttemptUpToTheMaximum() {
        assertThat(backoff.cap(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.cap(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.cap(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.cap(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.cap(500)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void spreadsDelaysOverTheWholeRangeBelowTheCap() {
        var random = new SplittableRandom(42);
        var delays = IntStream.range(0, 2_000)
                .mapToObj(unused -> backoff.delay(4, random))
                .toList();

        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(16)));
        assertThat(delays).anySatisfy(delay -> assertThat(delay).isLessThan(Duration.ofSeconds(2)));
        assertThat(delays).anySatisfy(delay -> assertThat(delay).isGreaterThan(Duration.ofSeconds(14)));
    }

    @Test
    void retriesAtOnceWithoutABackoff() {
        assertThat(new RetryBackoff(Duration.ZERO, Duration.ZERO).delay(3, new SplittableRandom(1)))
                .isEqualTo(Duration.ZERO);
    }
}
