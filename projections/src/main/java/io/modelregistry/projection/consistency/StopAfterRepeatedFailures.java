package io.modelregistry.projection.consistency;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure policy of every projection: a failed handler never lets its processor move on. The batch is rolled
 * back (token included) and the processor retries it with Axon's back-off (1 s, 2 s, 4 s, … up to 60 s); after
 * {@code maxAttempts} failures in a row on the same event the processor is stopped and stays stopped until
 * restarted; a failure to reach the read model's store (see {@link StoreOutages}) is retried the same way but never
 * counted, so an outage of any length ends with the processor catching up by itself. Both halves are here: the listener half tags the exception with the event it failed on, the
 * processor half counts, records and stops.
 */
final class StopAfterRepeatedFailures implements ErrorHandler, ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(StopAfterRepeatedFailures.class);

    private final Supplier<EventProcessingConfiguration> processing;
    private final ProjectionFailures failures;
    private final int maxAttempts;
    private final Clock clock;

    StopAfterRepeatedFailures(Supplier<EventProcessingConfiguration> processing, ProjectionFailures failures,
                              int maxAttempts, Clock clock) {
        this.processing = processing;
        this.failures = failures;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** Listener half: rethrow, so that the processor's error handler (below) decides, never a log-and-skip. */
    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        throw new ProjectionHandlerException(event, exception);
    }

    /** Processor half: always rethrows, so the token does not advance past the failed event. */
    @Override
    public void handleError(ErrorContext context) throws Exception {
        Throwable error = context.error();
        UnableToClaimTokenException lostClaim = lostClaim(error);
        if (lostClaim != null) {
            // not the event's fault: another node holds the segment now (see ClaimFence). Thrown as it is, Axon rolls
            // the batch back and releases the segment without counting a failure or backing off
            log.info("Processor '{}' gave up a batch: {}", context.eventProcessor(), lostClaim.getMessage());
            throw lostClaim;
        }
        if (StoreOutages.isOutage(error)) {
            // the store is away, not the event at fault: retried with the back-off for as long as it takes
            log.warn("Processor '{}' could not reach its store ({}); it retries after a back-off, and this does not"
                    + " count toward stopping it", context.eventProcessor(), rootMessage(error));
            if (error instanceof Exception exception) {
                throw exception;
            }
            throw new IllegalStateException(error);
        }
        EventMessage<?> event = taggedEvent(error);
        if (event == null) {
            event = first(context.failedEvents());
        }
        long position = event == null ? -1 : ProjectionHandlerException.position(event);
        String type = event == null ? "unknown" : event.getPayloadType().getSimpleName();
        String name = context.eventProcessor();
        int attempts = failures.failed(name, position, type, error, clock.instant());
        if (attempts >= maxAttempts) {
            log.error("Processor '{}' failed {} times on {} at position {}; stopping it. Reads that need its read "
                    + "model answer 503 until it is restarted and has caught up.", name, attempts, type, position, error);
            failures.stopped(name);
            processing.get().eventProcessor(name, StreamingEventProcessor.class)
                    .ifPresent(StreamingEventProcessor::shutdownAsync);
        } else {
            log.warn("Processor '{}' failed on {} at position {} (attempt {} of {}); it retries after a back-off",
                    name, type, position, attempts, maxAttempts, error);
        }
        if (error instanceof Exception exception) {
            throw exception;
        }
        throw new IllegalStateException(error);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static UnableToClaimTokenException lostClaim(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnableToClaimTokenException lost) {
                return lost;
            }
        }
        return null;
    }

    private static EventMessage<?> taggedEvent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProjectionHandlerException tagged) {
                return tagged.event();
            }
        }
        return null;
    }

    private static EventMessage<?> first(List<? extends EventMessage<?>> events) {
        return events == null || events.isEmpty() ? null : events.get(0);
    }
}
