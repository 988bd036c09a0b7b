package io.modelregistry.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every Argon2id verification holds 16 MiB for its whole run, and a login needs no token: without a bound, a few
 * dozen concurrent logins (wrong passwords, any names) take more memory than a 1 GiB node's heap, and the node ends
 * itself on the OutOfMemoryError. The login back-off cannot help: it counts failures, and concurrent requests all
 * pass its check before the first one fails. At most the hasher's bound of hashes may run at once.
 */
class PasswordHasherConcurrencyTest {

    private static final String ARGON2 = "org.bouncycastle.crypto.generators.Argon2BytesGenerator";

    @Test
    void atMostTheBoundOfPasswordHashesRunAtOnceHoweverManyLoginsArrive() throws Exception {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash("the right password");
        int callers = 16;
        ExecutorService logins = Executors.newFixedThreadPool(callers, runnable -> new Thread(runnable, "login"));
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger mostAtOnce = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                int inArgon2 = 0;
                for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                    for (StackTraceElement frame : thread.getValue()) {
                        if (frame.getClassName().equals(ARGON2)) {
                            inArgon2++;
                            break;
                        }
                    }
                }
                mostAtOnce.accumulateAndGet(inArgon2, Math::max);
                Thread.onSpinWait();
            }
        }, "argon2-sampler");
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(logins.submit(() -> {
                    start.await();
                    boolean any = false;
                    for (int round = 0; round < 3; round++) {
                        any |= hasher.matches("a wrong password " + round, hash);
                    }
                    return any;
                }));
            }
            sampler.start();
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get(5, TimeUnit.MINUTES)).as("no wrong password matches").isFalse();
            }
        } finally {
            running.set(false);
            sampler.join();
            logins.shutdownNow();
        }
        assertThat(mostAtOnce.get()).as("the sampler saw hashing").isPositive();
        assertThat(mostAtOnce.get()).as("Argon2 runs at once (each holds 16 MiB)")
                .isLessThanOrEqualTo(PasswordHasher.defaultConcurrency());
    }
}
