package io.modelregistry.projection.consistency;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's writes to shared read models inside its claim on the segment it is applying. A claim in the shared
 * token store is a lease that Axon renews only between batches; a batch that outlasts the claim timeout (a reset
 * re-creating every index on a loaded machine) would let another node take the segment and apply the same events
 * beside it, and the late writes of the first (an index re-created empty, an older document over a newer one) are
 * then not idempotent. So before every write this fence renews the claim once it is older than a fifth of the claim
 * timeout, conditionally on this node still holding it, and refuses the write when another node has taken it; and
 * after every write it refuses to go on when the write returned so late that the claim could have passed on
 * meanwhile. A refusal is Axon's {@link UnableToClaimTokenException}: the batch is rolled back (its token not
 * stored) and the processor releases the segment, as when Axon finds its claim lost between batches.
 *
 * <p>The processor and segment a thread is applying come from {@link #interceptor(String)}, registered on every
 * processor; a write made outside event processing (start-up) is not fenced. The lease is measured in the clocks of
 * the nodes, so their skew comes off its margin, and a write still in flight when its claim passes on (up to the
 * client's socket timeout) can land after the new owner's: the after-write check reports it but cannot undo it.
 */
public final class ClaimFence implements WriteFence {

    private static final Logger log = LoggerFactory.getLogger(ClaimFence.class);

    private final SegmentClaims claims;
    private final Clock clock;
    private final long renewAfterMillis;
    private final long timeoutMillis;
    private final ThreadLocal<Applying> applying = new ThreadLocal<>();

    public ClaimFence(SegmentClaims claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
        Duration timeout = claims.claimTimeout();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The claim timeout must be positive, not " + timeout);
        }
        this.timeoutMillis = timeout.toMillis();
        this.renewAfterMillis = Math.max(1, timeoutMillis / 5);
    }

    /**
     * The handler interceptor for processor {@code processorName}: it records, for the batch the calling thread
     * applies, which segment that is (Axon puts it in the unit of work's resources), and forgets it when the batch
     * ends.
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String processorName) {
        String segmentKey = "Processor[" + processorName + "]/SegmentId";
        return (unitOfWork, chain) -> {
            Integer segment = unitOfWork.getResource(segmentKey);
            if (log.isDebugEnabled() && unitOfWork.getMessage() instanceof TrackedEventMessage<?> event) {
                // which node applied which event: what a scale-out incident is reconstructed from
                log.debug("processor '{}' segment {} applies {} at {}", processorName, segment,
                        event.getPayloadType().getSimpleName(), event.trackingToken());
            }
            if (segment != null && applying.get() == null) {
                applying.set(new Applying(processorName, segment));
                unitOfWork.onCleanup(done -> applying.remove());
            }
            return chain.proceed();
        };
    }

    @Override
    public void beforeWrite(String target) {
        Applying current = applying.get();
        if (current == null) {
            return;
        }
        OptionalLong confirmed = claims.confirmedAt(current.processor(), current.segment());
        if (confirmed.isPresent() && clock.millis() - confirmed.getAsLong() < renewAfterMillis) {
            return;
        }
        // throws when another node holds the segment now: the write is not made
        claims.renew(current.processor(), current.segment());
    }

    @Override
    public void afterWrite(String target) {
        Applying current = applying.get();
        if (current == null) {
            return;
        }
        OptionalLong confirmed = claims.confirmedAt(current.processor(), current.segment());
        long age = confirmed.isPresent() ? clock.millis() - confirmed.getAsLong() : Long.MAX_VALUE;
        if (age >= timeoutMillis) {
            log.warn("A write to {} by processor '{}' returned {} ms after its claim on segment {} was last confirmed, "
                            + "past the claim timeout of {} ms: another node may have applied later events meanwhile; "
                            + "the batch is rolled back and the segment released", target, current.processor(),
                    age == Long.MAX_VALUE ? "an unknown time" : age, current.segment(), timeoutMillis);
            throw new UnableToClaimTokenException("The write to " + target + " outlasted the claim of processor '"
                    + current.processor() + "' on segment " + current.segment());
        }
    }

    private record Applying(String processor, int segment) {
    }
}
