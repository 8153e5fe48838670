package org.homeward.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.homeward.notification.contactpoint.Channel;
import org.springframework.stereotype.Component;

/**
 * The delivery meters: latency from the cause event to delivery per channel, failures, retries and the queue depth
 * (deliveries waiting or in flight).
 */
@Component
class DeliveryMetrics {

    static final String LATENCY = "homeward.notification.delivery.latency";
    static final String FAILURES = "homeward.notification.delivery.failures";
    static final String RETRIES = "homeward.notification.delivery.retries";
    static final String QUEUE_DEPTH = "homeward.notification.delivery.queue.depth";
    static final String IN_FLIGHT = "homeward.notification.delivery.in.flight";

    private final MeterRegistry registry;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(QUEUE_DEPTH, waiting, AtomicLong::get)
                .description("Deliveries waiting for an attempt or being attempted")
                .register(registry);
        Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Delivery attempts running in this instance")
                .register(registry);
    }

    void delivered(Channel channel, Duration sinceCause) {
        Timer.builder(LATENCY)
                .description("Time from the cause event to the channel accepting the alert")
                .tag("channel", channel.name())
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceCause.isNegative() ? Duration.ZERO : sinceCause);
    }

    void failed(Channel channel, String outcome) {
        Counter.builder(FAILURES)
                .tag("channel", channel.name())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void retried(Channel channel) {
        Counter.builder(RETRIES)
                .tag("channel", channel.name())
                .register(registry)
                .increment();
    }

    void waiting(long count) {
        waiting.set(count);
    }

    void started() {
        inFlight.incrementAndGet();
    }

    void ended() {
        inFlight.decrementAndGet();
    }
}
