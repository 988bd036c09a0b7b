package io.modelregistry.hub;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the last exchanges with each hub went, as {@link HubClient}s saw them: the registry does not probe the hubs
 * (that would spend their rate limits on health checks), it remembers whether the last time it asked, it got an
 * answer. One record per hub name for the whole process, so every client in it contributes.
 */
public final class HubReachability {

    /** The last answer and the last failure seen for one hub; {@code failing} when the failure is the later. */
    public record Seen(Instant lastAnswer, Instant lastFailure, String failure) {
        public boolean failing() {
            return lastFailure != null && (lastAnswer == null || lastFailure.isAfter(lastAnswer));
        }
    }

    private static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();
    private static final Clock CLOCK = Clock.systemUTC();

    private HubReachability() {
    }

    static void answered(String hub) {
        Instant now = CLOCK.instant();
        SEEN.merge(hub, new Seen(now, null, null), (old, fresh) -> new Seen(now, old.lastFailure(), old.failure()));
    }

    static void failed(String hub, String what) {
        Instant now = CLOCK.instant();
        SEEN.merge(hub, new Seen(null, now, what), (old, fresh) -> new Seen(old.lastAnswer(), now, what));
    }

    /** Every hub asked so far, by name. */
    public static Map<String, Seen> snapshot() {
        return new TreeMap<>(SEEN);
    }

    public static Optional<Seen> of(String hub) {
        return Optional.ofNullable(SEEN.get(hub));
    }
}
