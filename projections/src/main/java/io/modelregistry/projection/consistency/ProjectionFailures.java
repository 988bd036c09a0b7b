package io.modelregistry.projection.consistency;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The last handler failure of each event processor, for health and for the read gate: which event, what error,
 * how many attempts, and whether the processor was stopped for it. Kept until the processor moves past the event.
 */
@Component
public class ProjectionFailures {

    /** Error text shown to operators is bounded: it may quote an SQL statement and stays short on a dashboard. */
    static final int MAX_ERROR_CHARS = 300;

    /**
     * @param position  global position of the event that failed, -1 when unknown
     * @param eventType simple name of its payload type
     * @param error     exception class and the first line of its message, without any SQL statement it quotes
     * @param stopped   whether the processor was stopped for it (true) or is still retrying
     */
    public record Failure(String processor, long position, String eventType, String error, int attempts, Instant at,
                          boolean stopped) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    /** Records one failed attempt at {@code position}; returns how many attempts in a row failed on that event. */
    int failed(String processor, long position, String eventType, Throwable error, Instant at) {
        Failure updated = failures.compute(processor, (name, previous) -> {
            int attempts = previous != null && !previous.stopped() && previous.position() == position
                    ? previous.attempts() + 1 : 1;
            return new Failure(name, position, eventType, summary(error), attempts, at, false);
        });
        return updated.attempts();
    }

    void stopped(String processor) {
        failures.computeIfPresent(processor, (name, f) -> new Failure(name, f.position(), f.eventType(), f.error(),
                f.attempts(), f.at(), true));
    }

    /**
     * The failure still standing for {@code processor}, now that it is at {@code position} and running or not, if
     * any. A processor that got past the event is rid of it; one that runs again after being stopped for it was
     * restarted and gets a fresh set of attempts (a new failure is recorded if the cause is still there).
     */
    public Optional<Failure> standing(String processor, long position, boolean running) {
        Failure failure = failures.get(processor);
        if (failure != null && (failure.stopped() && running
                || failure.position() >= 0 && position > failure.position())) {
            failures.remove(processor, failure);
            return Optional.empty();
        }
        return Optional.ofNullable(failure);
    }

    public Map<String, Failure> all() {
        return new TreeMap<>(failures);
    }

    static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof ProjectionHandlerException || root.getMessage() == null)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        int sql = message.indexOf("SQL statement");
        if (sql >= 0) {
            message = message.substring(0, sql).trim();
        }
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }
}
