package io.modelregistry.rating;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A piece of shared evidence, computed at most once per rating. The engine {@link #start starts} it on the
 * rating's I/O pool before the metrics that need it, so no metric thread waits on another metric's fetch; a
 * metric that asks for evidence nobody started computes it on its own thread, as it would without the engine
 * (unit tests of single metrics). A failure is remembered and rethrown to every asker.
 */
final class Memo<T> {

    private final Supplier<T> supplier;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();

    Memo(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    static <T> Memo<T> of(T value) {
        Memo<T> memo = new Memo<>(() -> value);
        memo.get();
        return memo;
    }

    /** Computes the value on {@code executor} unless someone already started it; completes when it is known. */
    CompletableFuture<T> start(Executor executor) {
        if (claimed.compareAndSet(false, true)) {
            try {
                executor.execute(this::compute);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new IllegalStateException(
                        "the rating's I/O pool is saturated; try again later"));
            }
        }
        return result;
    }

    /** The value, computing it here if nobody started it; waits (interruptibly) while another thread computes. */
    T get() {
        if (claimed.compareAndSet(false, true)) {
            compute();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for shared evidence", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (CancellationException e) {
            throw new IllegalStateException("shared evidence was cancelled", e);
        }
    }

    /** Runs {@code action} on the value once it is computed successfully: now, or when it completes later. */
    void whenComputed(Consumer<T> action) {
        result.thenAccept(action);
    }

    private void compute() {
        try {
            result.complete(supplier.get());
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }
}
