package io.modelregistry.command.auth;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.TooManyRequests;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashing (memory-hard). Parameters are Spring Security's current defaults: 16-byte salt,
 * 32-byte hash, 1 lane, 16 MiB memory, 2 iterations: about 30-60 ms per hash on this class of machine.
 *
 * <p>Each hash holds its 16 MiB for its whole run and a login needs no token, so at most
 * {@link #defaultConcurrency()} hashes run at once (twice the processors, at least 2): a flood of concurrent logins
 * queues here instead of taking the heap (a 1 GiB node has 768 MiB, which 48 concurrent hashes fill). A caller that
 * waits longer than {@value #WAIT_SECONDS} s for a turn is answered 429 with {@code Retry-After}, never a 500.
 */
@Component
class PasswordHasher {

    static final long WAIT_SECONDS = 10;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final Semaphore turns;
    private final Duration wait;

    PasswordHasher() {
        this(defaultConcurrency(), Duration.ofSeconds(WAIT_SECONDS));
    }

    /** With {@link PasswordHashSettings} ({@code registry.auth.max-concurrent-hashes}, {@code hash-wait}). */
    @Autowired
    PasswordHasher(PasswordHashSettings settings) {
        this(settings.maxConcurrentHashes() > 0 ? settings.maxConcurrentHashes() : defaultConcurrency(),
                settings.hashWait());
    }

    PasswordHasher(int concurrency, Duration wait) {
        this.turns = new Semaphore(concurrency, true);
        this.wait = wait;
    }

    /** Hashes at once: twice the processors (a hash is CPU-bound; waiting ones hold no memory), at least 2. */
    static int defaultConcurrency() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }

    String hash(String password) {
        return bounded(() -> encoder.encode(password));
    }

    boolean matches(String password, String hash) {
        return hash != null && bounded(() -> encoder.matches(password, hash));
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new TooManyRequests(ErrorMessage.AUTH_TOO_MANY_LOGINS_BEING, 1);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
