package io.modelregistry.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The run's bound closes what is still being read, so that a blocked client returns at once. */
class DeadlineTest {

    @Test
    void expiringNowClosesEveryStreamStillBeingReadButNotOneAlreadyReleased() {
        Deadline deadline = new Deadline(Duration.ofHours(1));
        CountingStream reading = new CountingStream();
        CountingStream released = new CountingStream();
        deadline.track(reading);
        deadline.track(released);
        deadline.release(released);
        assertThat(deadline.passed()).isFalse();
        assertThat(deadline.remaining()).isPositive();

        deadline.expireNow();

        assertThat(deadline.passed()).isTrue();
        assertThat(reading.closes.get()).isEqualTo(1);
        assertThat(released.closes.get()).as("released before the end: left alone").isZero();
    }

    @Test
    void aStreamTrackedAfterTheRunEndedIsClosedAtOnce() {
        Deadline deadline = new Deadline(Duration.ofHours(1));
        deadline.expireNow();
        CountingStream late = new CountingStream();

        deadline.track(late);

        assertThat(late.closes.get()).isEqualTo(1);
    }

    @Test
    void aBoundThatHasGoneByHasPassedLeavesNoTimeAndClosesWhatIsTracked() throws Exception {
        Deadline deadline = new Deadline(Duration.ofMillis(1));
        CountingStream reading = new CountingStream();
        deadline.track(reading);
        Thread.sleep(5);

        assertThat(deadline.passed()).isTrue();
        assertThat(deadline.remaining()).isZero();
        assertThat(reading.closes.get()).isEqualTo(1);
    }

    @Test
    void aStreamThatFailsToCloseDoesNotStopTheOthersFromClosing() {
        Deadline deadline = new Deadline(Duration.ofHours(1));
        CountingStream failing = new CountingStream();
        failing.fail = true;
        CountingStream other = new CountingStream();
        deadline.track(failing);
        deadline.track(other);

        deadline.expireNow();

        assertThat(failing.closes.get()).isEqualTo(1);
        assertThat(other.closes.get()).isEqualTo(1);
    }

    private static final class CountingStream implements Closeable {
        final AtomicInteger closes = new AtomicInteger();
        volatile boolean fail;

        @Override
        public void close() throws java.io.IOException {
            closes.incrementAndGet();
            if (fail) {
                throw new java.io.IOException("already gone");
            }
        }
    }
}
