package io.modelregistry.command.blob;

import io.modelregistry.api.blob.BlobReferences;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.BlobSweeps;
import io.modelregistry.api.consistency.ReadModelBarrier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deletes blobs nothing references: pages through the store ({@link BlobStore#list}), asks the references read
 * model ({@link BlobReferences}: every version's manifest, its files, its documents) which of each page are
 * referenced, and deletes the others unless written or reused within the grace period
 * ({@link BlobStore#deleteIfUnwrittenSince}, atomic against a concurrent put). It runs only when every read model
 * has caught up with the log: a read model behind it would not know the newest references. Blob first, event
 * second, so an ingest in flight has blobs no event names yet; the grace period keeps them.
 *
 * <p>First it has the store clear what interrupted puts and sweeps left outside the blobs
 * ({@link BlobStore#clearLeftoversUntouchedSince}), with the same grace period.
 *
 * <p>One sweep at a time: a request while one runs waits for it and then runs its own.
 */
@Component
@EnableConfigurationProperties(BlobSweepSettings.class)
public class BlobSweeper implements BlobSweeps {

    private static final Logger log = LoggerFactory.getLogger(BlobSweeper.class);

    private final BlobStore blobs;
    private final BlobReferences references;
    private final ReadModelBarrier readModels;
    private final BlobSweepSettings settings;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicReference<SweepReport> last = new AtomicReference<>();

    BlobSweeper(BlobStore blobs, BlobReferences references, ReadModelBarrier readModels, BlobSweepSettings settings,
                Clock clock) {
        this.blobs = blobs;
        this.references = references;
        this.readModels = readModels;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public SweepReport sweepNow() {
        running.lock();
        try {
            SweepReport report = sweep();
            last.set(report);
            if (report.ran()) {
                log.info("blob sweep: {} blobs ({} bytes) deleted, {} blobs ({} bytes) kept", report.deletedBlobs(),
                        report.deletedBytes(), report.keptBlobs(), report.keptBytes());
            } else {
                log.warn("blob sweep skipped: {}", report.skipped());
            }
            return report;
        } finally {
            running.unlock();
        }
    }

    /** A sweep that must not fail its caller (a reset that has happened, the schedule): failures are logged. */
    public void sweepQuietly(String why) {
        try {
            sweepNow();
        } catch (RuntimeException e) {
            log.warn("blob sweep ({}) failed; the next one tries again", why, e);
        }
    }

    @Override
    public Optional<SweepReport> lastSweep() {
        return Optional.ofNullable(last.get());
    }

    private SweepReport sweep() {
        Instant started = clock.instant();
        if (!readModels.caughtUp()) {
            return new SweepReport(started, clock.instant(), false, "the read models are behind the event log;"
                    + " nothing was deleted", 0, 0, 0, 0);
        }
        // taken after the read models caught up: every blob older than this was written before the events they
        // applied, or is reused by an ingest that touches it again
        Instant cutoff = clock.instant().minus(settings.sweepGrace());
        long kept = 0;
        long keptBytes = 0;
        long deleted = 0;
        long deletedBytes = 0;
        try {
            long leftovers = blobs.clearLeftoversUntouchedSince(cutoff);
            if (leftovers > 0) {
                log.info("blob sweep: {} leftovers of interrupted puts or sweeps cleared", leftovers);
            }
            String after = null;
            while (true) {
                List<String> page = blobs.list(after, settings.sweepPageSize());
                if (page.isEmpty()) {
                    break;
                }
                Set<String> referenced = references.referencedAmong(page);
                for (String digest : page) {
                    Optional<Long> freed = referenced.contains(digest) ? Optional.empty()
                            : blobs.deleteIfUnwrittenSince(digest, cutoff);
                    if (freed.isPresent()) {
                        deleted++;
                        deletedBytes += freed.get();
                    } else {
                        Optional<Long> size = blobs.size(digest);
                        if (size.isPresent()) {
                            kept++;
                            keptBytes += size.get();
                        }
                    }
                }
                after = page.get(page.size() - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the blob sweep could not read or delete blobs", e);
        }
        return new SweepReport(started, clock.instant(), true, null, kept, keptBytes, deleted, deletedBytes);
    }
}
