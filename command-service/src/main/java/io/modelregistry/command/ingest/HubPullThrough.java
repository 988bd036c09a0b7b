package io.modelregistry.command.ingest;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.PullThrough;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.hub.HubClient;
import io.modelregistry.hub.HubEndpoint;
import io.modelregistry.hub.HubEndpoints;
import io.modelregistry.hub.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pull-through of files listed but not stored at ingest: the first download that needs one fetches it from the
 * hub's {@code resolve} URL pinned to the listing's commit, through the same bounded client and the same
 * verification as an ingest ({@link VerifiedFiles}: exactly the listed size and LFS sha-256, checked before the blob
 * is committed, so a mismatch stores nothing and the next download tries again). One fetch per digest at a time:
 * concurrent first downloads of the same file wait for it (as long as its fetch budget, plus a margin) instead of
 * fetching it again.
 */
@Component
final class HubPullThrough implements PullThrough {

    private static final Logger log = LoggerFactory.getLogger(HubPullThrough.class);
    /** How much longer than the fetch's own budget a download waiting for another's fetch waits. */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(30);

    private final HubClient client;
    private final HubEndpoint hub;
    private final BlobStore blobs;
    private final ConcurrentHashMap<String, CompletableFuture<Fetched>> inFlight = new ConcurrentHashMap<>();

    HubPullThrough(HubClient client, HubEndpoints endpoints, BlobStore blobs) {
        this.client = client;
        this.hub = endpoints.huggingFace();
        this.blobs = blobs;
    }

    @Override
    public Fetched ensureStored(PackageManifest.Entry entry) {
        if (!entry.isRemote()) {
            return new Fetched(entry.sha256(), entry.size(), entry.crc32());
        }
        CompletableFuture<Fetched> mine = new CompletableFuture<>();
        CompletableFuture<Fetched> running = inFlight.putIfAbsent(entry.sha256(), mine);
        if (running != null) {
            return await(running, entry);
        }
        try {
            Fetched fetched = storedOrFetch(entry);
            mine.complete(fetched);
            return fetched;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(entry.sha256(), mine);
        }
    }

    private Fetched storedOrFetch(PackageManifest.Entry entry) {
        try {
            // checked only once this call holds the digest: a fetch that just ended has stored it
            OptionalLong crc = VerifiedFiles.crc32(blobs, entry.sha256());
            if (crc.isPresent()) {
                return new Fetched(entry.sha256(), entry.size(), crc.getAsLong());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PackageManifest.Remote remote = entry.remote();
        if (!RepoPaths.isStorable(remote.repoPath())) {
            throw ErrorMessage.INGEST_PACKAGE_MANIFEST_NAMES_UNUSABLE.exception();
        }
        PackageFile listed = new PackageFile(entry.path(), entry.size(), "sha256:" + entry.sha256(), false);
        String url = HuggingFaceSource.resolveUrl(remote.kind() == SourceKind.HUGGINGFACE_DATASET, remote.repoId(),
                remote.revision(), remote.repoPath());
        long started = System.nanoTime();
        VerifiedFiles.StoredFile stored = VerifiedFiles.fetch(client, hub, url, listed, blobs,
                HuggingFaceSource.budget(listed));
        if (stored == null) {
            throw ErrorMessage.INGEST_DID_SERVE_CANNOT_DOWNLOADED.exception(hub.name(), entry.path(), remote.repoId(), remote.revision());
        }
        log.info("pulled {} of {}@{} through: {} bytes in {} ms", entry.path(), remote.repoId(), remote.revision(),
                stored.size(), (System.nanoTime() - started) / 1_000_000);
        return new Fetched(stored.sha256(), stored.size(), stored.crc32());
    }

    private static Fetched await(CompletableFuture<Fetched> running, PackageManifest.Entry entry) {
        PackageFile listed = new PackageFile(entry.path(), entry.size(), null, false);
        Duration bound = HuggingFaceSource.budget(listed).plus(WAIT_MARGIN);
        try {
            return running.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RegistryException failure) {
                throw new RegistryException(failure);
            }
            throw ErrorMessage.INGEST_FETCHING_FAILED_TRY_AGAIN.exception(entry.path());
        } catch (TimeoutException e) {
            throw ErrorMessage.INGEST_STILL_BEING_FETCHED_HUB.exception(entry.path());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorMessage.INGEST_INTERRUPTED_WHILE_WAITING.exception(entry.path());
        }
    }
}
