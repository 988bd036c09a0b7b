package io.modelregistry.workload;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's time bound, and its cancellation: when it passes (or {@link #expireNow} is called) every body still
 * being read is closed, so a client blocked in a read returns at once instead of waiting for the server.
 */
final class Deadline {

    private final long endNanos;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean expired;

    Deadline(Duration bound) {
        this.endNanos = System.nanoTime() + bound.toNanos();
    }

    boolean passed() {
        if (!expired && System.nanoTime() - endNanos >= 0) {
            expireNow();
        }
        return expired;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    void expireNow() {
        expired = true;
        for (Closeable stream : open) {
            closeQuietly(stream);
        }
    }

    /** Tracks a stream being read until {@link #release}; closes it at once if the run is already over. */
    void track(Closeable stream) {
        open.add(stream);
        if (expired) {
            closeQuietly(stream);
        }
    }

    void release(Closeable stream) {
        open.remove(stream);
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the reader sees the close as a failed read, which is what cancellation means here
        }
    }
}
