package io.modelregistry.projection.consistency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor's token store that renews a claim only once this node's last write of it is older than
 * {@code interval}; every other call goes through unchanged.
 *
 * <p>Axon's tracking processor renews its claim in a transaction of its own every time it has waited a second for
 * events, and at the start of every batch: with ten single-segment projections that is ten or more token-store
 * writes a second on a node doing nothing, and one write more per batch, each an H2 commit (a DynamoDB write on the
 * shared store) that moves no token. A claim is a lease of {@code claim-timeout}: nobody else may take it until that
 * long after this node's last write of it (fetching, storing a token or renewing), so renewing it sooner than
 * {@code interval} after such a write adds nothing while {@code interval} stays well inside the timeout (a fifth of
 * it by default, as {@link ClaimFence} renews). A renewal that fails, or a released claim, forgets the last write:
 * the next renewal goes through and finds out. A write inside a transaction that is then rolled back is noted as made,
 * but such a batch fails in Axon, which releases the claim, and that forgets it too.
 */
final class ClaimsExtendedWhenDue implements TokenStore {

    private static final Logger log = LoggerFactory.getLogger(ClaimsExtendedWhenDue.class);

    private final TokenStore delegate;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Long> lastWritten = new ConcurrentHashMap<>();

    ClaimsExtendedWhenDue(TokenStore delegate, Duration interval) {
        this(delegate, interval, System::nanoTime);
    }

    ClaimsExtendedWhenDue(TokenStore delegate, Duration interval, LongSupplier nanoClock) {
        this.delegate = delegate;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        String key = key(processorName, segment);
        long now = nanoClock.getAsLong();
        Long written = lastWritten.get(key);
        if (written != null && now - written < intervalNanos) {
            log.debug("Claim of {} renewed {} ms ago: not renewed again", key, (now - written) / 1_000_000);
            return;
        }
        claimWrite(key, () -> delegate.extendClaim(processorName, segment));
        log.debug("Claim of {} renewed", key);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        claimWrite(key(processorName, segment), () -> delegate.storeToken(token, processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return claimWritten(key(processorName, segment), () -> delegate.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return claimWritten(key(processorName, segment.getSegmentId()), () -> delegate.fetchToken(processorName, segment));
    }

    /** A fetch claims (or renews) the segment in the store: remembered as a write, forgotten if it failed. */
    private TrackingToken claimWritten(String key, java.util.function.Supplier<TrackingToken> fetch) {
        long started = nanoClock.getAsLong();
        try {
            TrackingToken token = fetch.get();
            lastWritten.put(key, started);
            return token;
        } catch (RuntimeException e) {
            lastWritten.remove(key);
            throw e;
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        lastWritten.remove(key(processorName, segment));
        delegate.releaseClaim(processorName, segment);
    }

    /** The time is taken before the write: the lease runs from the store's timestamp, which is no earlier. */
    private void claimWrite(String key, Runnable write) {
        long started = nanoClock.getAsLong();
        try {
            write.run();
            lastWritten.put(key, started);
        } catch (RuntimeException e) {
            lastWritten.remove(key);
            throw e;
        }
    }

    private static String key(String processorName, int segment) {
        return processorName + "/" + segment;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        lastWritten.remove(key(processorName, segment));
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
