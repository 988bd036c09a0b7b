package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.claim.SourceClaim;
import io.modelregistry.api.claim.SourceClaims;
import io.modelregistry.api.error.RegistryException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * At most one live artifact per source, without a transaction shared with the event log.
 *
 * <p>A registration claims its source with a conditional write ({@link SourceClaims#claimIfAbsent}) before its
 * events are appended; if the append fails, the claim is released when the unit of work rolls back. A crash
 * between the two leaves a claim the log does not back: the next registration of that source checks the log
 * ({@link ArtifactLog}) and takes the claim over with a conditional replace once the claim is older than
 * {@code registry.claims.pending-timeout} (younger, it may belong to a registration still in flight). A claim
 * whose artifact the log shows deleted is taken over at once. An update claims its new source the same way
 * and gives up the old one after its events are committed; a delete releases after commit; a reset releases
 * everything. See docs/decisions/0033-source-claims.md.
 *
 * <p>The claims also answer "does this id name a live artifact since the last reset" for updates, deletes
 * and ratings.
 */
@Component
@EnableConfigurationProperties(ClaimSettings.class)
public class ArtifactClaims {

    private static final Logger log = LoggerFactory.getLogger(ArtifactClaims.class);
    /** Rounds of "write failed, look at the holder" before giving up: each needs another writer to interfere. */
    private static final int MAX_ATTEMPTS = 3;

    private final SourceClaims store;
    private final ArtifactLog artifacts;
    private final Clock clock;
    private final ClaimSettings settings;

    ArtifactClaims(SourceClaims store, ArtifactLog artifacts, Clock clock, ClaimSettings settings) {
        this.store = store;
        this.artifacts = artifacts;
        this.clock = clock;
        this.settings = settings;
    }

    /** True when a live claim holds this source for an artifact of this type (an abandoned one does not count). */
    public boolean isClaimed(ArtifactType type, SourceRef source) {
        return store.bySource(source.duplicateKey(type)).filter(claim -> !abandoned(claim)).isPresent();
    }

    /** The name of a live artifact of this type, or empty when there is none (never, deleted, or reset). */
    public Optional<String> liveName(String artifactId, ArtifactType type) {
        return store.heldBy(artifactId).stream().filter(claim -> claim.type() == type).map(SourceClaim::name)
                .findFirst();
    }

    /** Claims the source for a new artifact, or refuses with 409; released again if the append fails. */
    void claim(String artifactId, ArtifactType type, String name, String sourceKey) {
        if (acquire(new SourceClaim(sourceKey, artifactId, type, name, now()),
                () -> ErrorMessage.ARTIFACT_SOURCE_ALREADY_REGISTERED.exception(type.wireName()))) {
            onRollback(() -> store.release(sourceKey, artifactId));
        }
    }

    /** An update's new source: claimed now, the previous one given up once the update is committed. */
    void reclaim(String artifactId, String sourceKey) {
        List<SourceClaim> held = store.heldBy(artifactId);
        if (held.isEmpty()) {
            throw ErrorMessage.ARTIFACT_NO_ARTIFACT_WITH_ID.exception(artifactId);
        }
        List<SourceClaim> previous = held.stream().filter(claim -> !claim.sourceKey().equals(sourceKey)).toList();
        if (previous.size() == held.size()) {
            SourceClaim current = held.get(0);
            if (acquire(new SourceClaim(sourceKey, artifactId, current.type(), current.name(), now()),
                    ErrorMessage.ARTIFACT_SOURCE_TAKEN::exception)) {
                onRollback(() -> store.release(sourceKey, artifactId));
            }
        }
        afterCommit(() -> previous.forEach(claim -> store.release(claim.sourceKey(), artifactId)));
    }

    /** A delete: the artifact's sources are free once its deletion is committed. */
    void release(String artifactId) {
        afterCommit(() -> store.heldBy(artifactId).forEach(claim -> store.release(claim.sourceKey(), artifactId)));
    }

    /** Part of a registry reset: no artifact exists any more. */
    public void releaseAll() {
        store.releaseAll();
    }

    /**
     * True when this call wrote the claim; false when the artifact held it already (another attempt at the same
     * registration, e.g. a group executed twice at once on two nodes): only the writer may release it on rollback,
     * or the attempt that loses would free the source of the one that committed.
     */
    private boolean acquire(SourceClaim mine, Supplier<RegistryException> conflict) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (store.claimIfAbsent(mine)) {
                return true;
            }
            Optional<SourceClaim> holder = store.bySource(mine.sourceKey());
            if (holder.isEmpty()) {
                continue;   // released in between: write again
            }
            if (holder.get().artifactId().equals(mine.artifactId())) {
                return false;
            }
            if (!abandoned(holder.get())) {
                throw conflict.get();
            }
            if (store.replace(holder.get(), mine)) {
                log.warn("Took over the claim on {} held by artifact {} since {}: the event log does not back it",
                        mine.sourceKey(), holder.get().artifactId(), holder.get().claimedAt());
                return true;
            }
        }
        throw conflict.get();
    }

    /**
     * A claim the log does not back: its artifact was deleted, or, once the claim is older than the pending
     * timeout, the artifact has no events or its latest content came from another source.
     */
    private boolean abandoned(SourceClaim claim) {
        ArtifactLog.Standing standing = artifacts.standing(claim.artifactId());
        if (standing.deleted()) {
            return true;
        }
        if (standing.registered() && claim.sourceKey().equals(standing.sourceKey())) {
            return false;
        }
        return claim.claimedAt().plus(settings.pendingTimeout()).isBefore(clock.instant());
    }

    /** Millisecond precision, so the time read back from any store equals the time written (conditional replace). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void onRollback(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onRollback(unitOfWork -> action.run());
        }
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }
}
