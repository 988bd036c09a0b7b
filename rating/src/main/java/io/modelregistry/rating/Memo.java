package io.modelregistry.rating;

import java.util.function.Supplier;

/**
 * A value computed at most once, on first use, by whichever thread asks first; concurrent askers wait for it.
 * Metrics run concurrently and share evidence (a dataset's card, a clone), so each piece is fetched once per
 * rating and its cost shows up in the latency of the first metric that needed it. A failure is remembered too.
 */
final class Memo<T> {

    private final Supplier<T> supplier;
    private volatile boolean done;
    private T value;
    private RuntimeException failure;

    Memo(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    static <T> Memo<T> of(T value) {
        Memo<T> memo = new Memo<>(() -> value);
        memo.get();
        return memo;
    }

    T get() {
        if (!done) {
            synchronized (this) {
                if (!done) {
                    try {
                        value = supplier.get();
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                    done = true;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** The value if it was computed successfully already; never computes. */
    synchronized T peek() {
        return done && failure == null ? value : null;
    }
}
