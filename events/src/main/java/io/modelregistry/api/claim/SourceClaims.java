package io.modelregistry.api.claim;

import java.util.List;
import java.util.Optional;

/**
 * Which artifact holds which source (port of the command side): at most one artifact per source key. Every
 * change is a single conditional write, so an adapter needs no transaction shared with the event log; the
 * embedded adapter is an H2 table with a primary key on the source, a scale-out one a DynamoDB table whose
 * partition key is the source key (PutItem / DeleteItem with a condition expression).
 *
 * <p>Callers write a claim before the artifact's events are appended and release it when the append fails; a
 * claim that outlived a crash between the two is recognised by the caller (its artifact has no events in the
 * log) and taken over with {@link #replace}.
 */
public interface SourceClaims {

    /** Writes the claim unless its source is already held; true when written (put-if-absent). */
    boolean claimIfAbsent(SourceClaim claim);

    /** The claim on a source, if any. */
    Optional<SourceClaim> bySource(String sourceKey);

    /**
     * The claims an artifact holds: one, or for the moment an update moves it to another source, two (DynamoDB:
     * a query on a secondary index by artifact id).
     */
    List<SourceClaim> heldBy(String artifactId);

    /**
     * Replaces {@code expected} with {@code replacement} (same source key) only if the source is still held
     * by exactly {@code expected} (same artifact and claim time); true when replaced.
     */
    boolean replace(SourceClaim expected, SourceClaim replacement);

    /** Deletes the claim on {@code sourceKey} only if {@code artifactId} holds it; true when deleted. */
    boolean release(String sourceKey, String artifactId);

    /** A registry reset: no artifact exists afterwards, so no source is held. */
    void releaseAll();
}
