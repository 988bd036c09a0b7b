package io.modelregistry.projection.consistency;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * This node's claims on processor segments in a token store the nodes share, as far as this node knows them: when
 * it last confirmed each one in the store, and a way to renew one. A claim is a lease: another node may take the
 * segment once the claim is older than {@link #claimTimeout()}, so a write made on the strength of a claim is safe
 * only while the claim is younger than that. {@link ClaimFence} uses this to keep read-model writes inside the lease.
 */
public interface SegmentClaims {

    /**
     * When this node's claim on the segment was last written to the store (the claim time the store holds, in the
     * node's clock millis), or empty when this node holds no claim on it that it knows of.
     */
    OptionalLong confirmedAt(String processorName, int segment);

    /**
     * Renews this node's claim on the segment in the store, conditionally on this node still holding it; throws
     * Axon's {@code UnableToClaimTokenException} when another node has taken it.
     */
    void renew(String processorName, int segment);

    /** How old a claim may get before another node may take its segment. */
    Duration claimTimeout();
}
