package io.modelregistry.projection.consistency;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The pause between two looks at the processors while waiting for them: short at first (they usually catch up
 * within a millisecond), doubling up to 5 ms so a long wait does not spin.
 */
final class Backoff {

    private static final long FIRST = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long LONGEST = TimeUnit.MILLISECONDS.toNanos(5);

    private long pause = FIRST;

    void pause() {
        LockSupport.parkNanos(pause);
        pause = Math.min(pause * 2, LONGEST);
    }
}
