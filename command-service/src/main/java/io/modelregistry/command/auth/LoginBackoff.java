package io.modelregistry.command.auth;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.TooManyRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after a few failed logins for one user name, or many from one address, the next attempts
 * are refused with 429 and {@code Retry-After} until a delay has passed, doubling with each further failure up to a
 * cap. The refusal comes before the password is checked, so a locked-out guess costs no Argon2 time either.
 * <ul>
 *   <li>Per user name (as submitted, known or not, so the answer does not reveal which names exist): consecutive
 *       failures; a successful login clears them.</li>
 *   <li>Per address: failures in a row without a pause of {@code window}; a success does <em>not</em> clear them
 *       (else an attacker with one account of its own could reset the counter between guesses at others).</li>
 * </ul>
 * Memory is bounded: each table keeps at most {@code maxEntries} names or addresses, least recently failed evicted
 * first. State is per node (see docs/decisions/0071-permissions-token-revocation-and-backoff.md for the gap).
 */
@Component
public class LoginBackoff {

    private final Table users;
    private final Table addresses;
    private final Clock clock;

    LoginBackoff(LoginBackoffSettings settings, Clock clock) {
        this.users = new Table(settings.userFreeFailures(), settings.baseDelay(), settings.maxDelay(),
                settings.window(), settings.maxEntries());
        this.addresses = new Table(settings.addressFreeFailures(), settings.baseDelay(), settings.maxDelay(),
                settings.window(), settings.maxEntries());
        this.clock = clock;
    }

    /** Throws 429 (with the seconds to wait) when this user name or this address must wait before trying again. */
    void check(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(users.wait(username, now), addresses.wait(address, now));
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new TooManyRequests(ErrorMessage.AUTH_TOO_MANY_FAILED_LOGINS, seconds, seconds);
        }
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        users.fail(username, now);
        addresses.fail(address, now);
    }

    void succeeded(String username) {
        users.clear(username);
    }

    int trackedEntries() {
        return users.size() + addresses.size();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One bounded table of failure counts; synchronized, as logins are rare next to Argon2's cost. */
    private static final class Table {

        private record Failures(int count, Instant last) {
        }

        private final int free;
        private final Duration base;
        private final Duration cap;
        private final Duration window;
        private final Map<String, Failures> entries;

        Table(int free, Duration base, Duration cap, Duration window, int maxEntries) {
            this.free = free;
            this.base = base;
            this.cap = cap;
            this.window = window;
            this.entries = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                    return size() > maxEntries;
                }
            };
        }

        synchronized Duration wait(String key, Instant now) {
            Failures failures = current(key, now);
            if (failures == null || failures.count() < free) {
                return Duration.ZERO;
            }
            Instant until = failures.last().plus(delay(failures.count()));
            return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
        }

        synchronized void fail(String key, Instant now) {
            Failures failures = current(key, now);
            entries.put(key, new Failures(failures == null ? 1 : failures.count() + 1, now));
        }

        synchronized void clear(String key) {
            entries.remove(key);
        }

        synchronized int size() {
            return entries.size();
        }

        /** Failures that have not lapsed: a quiet {@code window} since the last one (or past the delay) forgets them. */
        private Failures current(String key, Instant now) {
            Failures failures = entries.get(key);
            if (failures != null && now.isAfter(failures.last().plus(window).plus(delay(failures.count())))) {
                entries.remove(key);
                return null;
            }
            return failures;
        }

        /** The wait after the n-th failure: none up to {@code free}, then base, 2 base, 4 base, ... up to the cap. */
        private Duration delay(int count) {
            if (count < free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(count - free, 30);
            long millis = base.toMillis() << doublings;
            return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
        }
    }
}
