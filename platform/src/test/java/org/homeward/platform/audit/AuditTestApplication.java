package org.homeward.platform.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A service whose clock the tests move by hand. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestSecurityConfiguration.class)
class AuditTestApplication {

    @Bean
    SteppingClock clock() {
        return new SteppingClock(Instant.parse("2025-03-01T10:00:00Z"));
    }

    /** A fixed clock that tests advance explicitly. */
    static final class SteppingClock extends Clock {

        private final AtomicReference<Instant> now;

        SteppingClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        Instant advance(Duration step) {
            return now.updateAndGet(instant -> instant.plus(step));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC");
        }
    }
}
