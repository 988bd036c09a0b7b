package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.IndexStats;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.search.SearchIndexWriter;
import jakarta.annotation.PreDestroy;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import io.modelregistry.projection.search.ArtifactRewrites;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The Lucene index under {@code ${registry.data-dir}/search-index}: one {@link IndexWriter} (the projection is
 * its only writer), a {@link SearcherManager} for readers.
 *
 * <p><b>Visibility.</b> A write made with {@code visibleNow} refreshes the searchers before it returns, so the
 * next search sees it. Replays skip that per-event refresh (it costs milliseconds per event on a large index);
 * a read that finds writes applied since the last refresh refreshes first, so every write is visible to every
 * read that starts after the write returned, whatever the replay status says. (Axon also marks the first
 * catch-up of a new processor as a replay, including events appended while it initializes.)
 *
 * <p><b>Durability.</b> Writes reach disk only at a commit: every second or so ({@link PeriodicCommitter}), on
 * {@link #clear()}, and at {@link #close()}. Each commit records in its user data the position in the event
 * stream of the last event applied before it, whether this commit is the final one of a clean shutdown, and
 * the last write time. The Axon token store (H2) is committed independently, after each event batch, so after
 * a crash the token store may be ahead of Lucene. {@link SearchIndexRecovery} compares the two before the
 * event processors start and, when Lucene is behind (or cannot prove it is not), resets the processing
 * group's tokens, which clears this index (the projection's reset handler) and replays the whole stream.
 * Lucene ahead of the token store is harmless: the events after the token are delivered again and every
 * write is idempotent (upsert by id, delete by id, delete all).
 *
 * <p>The position tracks every event the processing group receives, not only artifact events, so that after
 * a clean shutdown it equals the token position and no replay is needed.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class SearchIndex implements SearchIndexWriter, AutoCloseable {

    static final String DIRECTORY_NAME = "search-index";
    static final long NO_POSITION = -1;

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String POSITION = "lastAppliedPosition";
    private static final String WRITTEN_AT = "lastWriteAt";
    private static final String CLEAN = "cleanShutdown";
    private static final String LAST_ORDER = "lastOrder";

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Clock clock;
    private final CommittedState atOpen;
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * Readers take a searcher under the read lock; a group of writes holds the write lock from its first write until
     * a refresh shows its last, so a reader's searcher shows all of a group or none of it.
     */
    private final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
    /** Writes applied to the writer, and how many of them the current searcher is known to show. */
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong refreshedWrites = new AtomicLong();

    // guarded by writeLock; volatile where stats() reads them without it
    private long appliedPosition;
    private volatile long committedPosition;
    private volatile Instant lastWriteAt;
    private long lastOrder;
    private boolean changedSinceCommit;
    private boolean closed;

    /** The durable state found when the index was opened, before this process changed anything. */
    record CommittedState(boolean existed, long position, boolean cleanShutdown, long documents) {
    }

    @Autowired
    SearchIndex(@Value("${registry.data-dir:./data}") Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    public SearchIndex(Path dataDir, Clock clock) {
        this.clock = clock;
        Path path = dataDir.resolve(DIRECTORY_NAME);
        FSDirectory dir = null;
        IndexWriter openedWriter = null;
        try {
            Files.createDirectories(path);
            dir = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(new TrigramAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            openedWriter = new IndexWriter(dir, config);
            this.directory = dir;
            this.writer = openedWriter;
            this.searchers = new SearcherManager(openedWriter, null);
        } catch (IOException | RuntimeException e) {
            closeQuietly(openedWriter, dir);
            throw e instanceof IOException io ? new UncheckedIOException("Cannot open search index " + path, io)
                    : (RuntimeException) e;
        }
        try {
            Map<String, String> data = commitData();
            boolean existed = data.containsKey(POSITION);
            this.appliedPosition = Long.parseLong(data.getOrDefault(POSITION, String.valueOf(NO_POSITION)));
            this.committedPosition = appliedPosition;
            this.lastWriteAt = data.containsKey(WRITTEN_AT) ? Instant.parse(data.get(WRITTEN_AT)) : null;
            this.lastOrder = Long.parseLong(data.getOrDefault(LAST_ORDER, String.valueOf(NO_POSITION)));
            this.atOpen = new CommittedState(existed, appliedPosition, Boolean.parseBoolean(data.get(CLEAN)),
                    writer.getDocStats().numDocs);
            // from now on the last commit says "not clean": a crash before close() is detectable at the next start
            writeLock.lock();
            try {
                commitLocked(false);
            } finally {
                writeLock.unlock();
            }
        } catch (RuntimeException e) {
            closeQuietly(writer, directory);
            throw e;
        }
        log.info("Search index opened at {}: {} documents, position {}, last shutdown {}", path,
                atOpen.documents(), atOpen.position(), atOpen.cleanShutdown() ? "clean" : "not clean");
    }

    CommittedState atOpen() {
        return atOpen;
    }

    // ---- writes (the projection) ---------------------------------------------------------------------------

    /** Adds or replaces the artifact; its registration order is its event's position. */
    @Override
    public void register(IndexedArtifact artifact, OptionalLong position, boolean visibleNow) {
        write(position, visibleNow, () ->
                writer.updateDocument(ArtifactFields.idTerm(artifact.id()),
                        ArtifactFields.toDocument(artifact, newOrder(position))));
    }

    /** Replaces the artifact's document (its latest version's content), keeping its order and its versions. */
    @Override
    public void update(IndexedArtifact artifact, OptionalLong position, boolean visibleNow) {
        write(position, visibleNow, () -> {
            Optional<Existing> existing = existing(artifact.id());
            long order = existing.map(Existing::order).orElseGet(() -> newOrder(position));
            writer.updateDocument(ArtifactFields.idTerm(artifact.id()), ArtifactFields.toDocument(
                    ArtifactRewrites.updated(artifact, existing.map(Existing::versions).orElse(List.of())), order));
        });
    }

    /**
     * Adds a version to the artifact's document: its versions grow, its README follows the new version only when
     * that is now the latest. An artifact indexed before versions existed had one version, the default.
     */
    @Override
    public void addVersion(IndexedArtifact artifact, OptionalLong position, boolean visibleNow) {
        write(position, visibleNow, () -> {
            Optional<Existing> existing = existing(artifact.id());
            if (existing.isEmpty()) {
                return;   // deleted since: nothing to add to
            }
            writer.updateDocument(ArtifactFields.idTerm(artifact.id()), ArtifactFields.toDocument(
                    ArtifactRewrites.withVersion(artifact, existing.get().versions(), existing.get().readme()),
                    existing.get().order()));
        });
    }

    @Override
    public void delete(String artifactId, OptionalLong position, boolean visibleNow) {
        write(position, visibleNow, () -> writer.deleteDocuments(ArtifactFields.idTerm(artifactId)));
    }

    /** The registry was reset: no artifact remains, the stream goes on. */
    @Override
    public void deleteAll(OptionalLong position, boolean visibleNow) {
        write(position, visibleNow, writer::deleteAll);
    }

    /** An event that changes no document still moves the durable position forward. */
    @Override
    public void skip(OptionalLong position) {
        writeLock.lock();
        try {
            ensureOpen();
            advance(position);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Empties the index and forgets the position, committed at once: the processing group is about to be
     * replayed from the start (token reset), or the token store has no tokens at all.
     */
    @Override
    public void clear() {
        writeLock.lock();
        try {
            ensureOpen();
            writer.deleteAll();
            appliedPosition = NO_POSITION;
            lastOrder = NO_POSITION;
            lastWriteAt = clock.instant();
            commitLocked(false);
            refreshUpTo(writes.incrementAndGet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear search index", e);
        } finally {
            writeLock.unlock();
        }
    }

    private void write(OptionalLong position, boolean visibleNow, IndexAction action) {
        writeLock.lock();
        try {
            ensureOpen();
            action.run();
            long written = writes.incrementAndGet();
            advance(position);
            lastWriteAt = clock.instant();
            if (visibleNow) {
                refreshUpTo(written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write search index", e);
        } finally {
            writeLock.unlock();
        }
    }

    private void advance(OptionalLong position) {
        changedSinceCommit = true;
        if (position.isPresent()) {
            appliedPosition = Math.max(appliedPosition, position.getAsLong());
        }
    }

    /** Positions are unique and increase in stream order; without one (untracked delivery), count on. */
    private long newOrder(OptionalLong position) {
        long order = position.isPresent() ? position.getAsLong() : lastOrder + 1;
        lastOrder = Math.max(lastOrder, order);
        return order;
    }

    /** What a rewrite of an artifact's document keeps: its order, its versions and its README. */
    private record Existing(long order, List<String> versions, String readme) {
    }

    private Optional<Existing> existing(String artifactId) throws IOException {
        refreshIfStale();   // replays skip refreshing, and the previous event may have written this artifact
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs hits = searcher.search(new TermQuery(ArtifactFields.idTerm(artifactId)), 1);
            if (hits.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = hits.scoreDocs[0].doc;
            LeafReaderContext leaf = searcher.getIndexReader().leaves()
                    .get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
            NumericDocValues orders = DocValues.getNumeric(leaf.reader(), ArtifactFields.ORDER);
            if (!orders.advanceExact(doc - leaf.docBase)) {
                return Optional.empty();
            }
            Document stored = leaf.reader().storedFields().document(doc - leaf.docBase,
                    Set.of(ArtifactFields.README, ArtifactFields.VERSION));
            return Optional.of(new Existing(orders.longValue(), List.of(stored.getValues(ArtifactFields.VERSION)),
                    stored.get(ArtifactFields.README)));
        } finally {
            searchers.release(searcher);
        }
    }

    // ---- commits -------------------------------------------------------------------------------------------

    /** Makes everything applied so far durable, if anything changed since the last commit. */
    void commitIfChanged() {
        writeLock.lock();
        try {
            if (!closed && changedSinceCommit) {
                commitLocked(false);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Makes every write applied so far searchable; cheap when nothing changed since the last refresh. */
    void refreshIfStale() {
        long written = writes.get();
        if (written > refreshedWrites.get()) {
            try {
                refreshUpTo(written);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot refresh search index", e);
            }
        }
    }

    /** Blocks until the searcher shows at least the first {@code written} writes. */
    private void refreshUpTo(long written) throws IOException {
        searchers.maybeRefreshBlocking();   // reflects every change made before the call
        refreshedWrites.accumulateAndGet(written, Math::max);
    }

    private void commitLocked(boolean cleanShutdown) {
        Map<String, String> data = new HashMap<>();
        data.put(POSITION, Long.toString(appliedPosition));
        data.put(CLEAN, Boolean.toString(cleanShutdown));
        data.put(LAST_ORDER, Long.toString(lastOrder));
        if (lastWriteAt != null) {
            data.put(WRITTEN_AT, lastWriteAt.toString());
        }
        try {
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit search index", e);
        }
        committedPosition = appliedPosition;
        changedSinceCommit = false;
    }

    private Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    @Override
    public void together(Runnable groupWrites) {
        visibility.writeLock().lock();
        try {
            groupWrites.run();
            refreshIfStale();   // a reader's refresh may have caught the group half-applied: show all of it
        } finally {
            visibility.writeLock().unlock();
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    /** Runs a read against one point-in-time view of the index that shows every write applied before. */
    <T> T read(SearcherAction<T> action) {
        refreshIfStale();
        IndexSearcher searcher;
        visibility.readLock().lock();
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read search index", e);
        } finally {
            visibility.readLock().unlock();
        }
        try {
            return action.apply(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read search index", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                log.warn("Cannot release search index reader", e);
            }
        }
    }

    IndexStats stats() {
        long documents = read(searcher -> (long) searcher.getIndexReader().numDocs());
        return new IndexStats(documents, lastWriteAt, sizeOnDisk(), committedPosition);
    }

    private long sizeOnDisk() {
        long total = 0;
        try {
            for (String file : directory.listAll()) {
                try {
                    total += directory.fileLength(file);
                } catch (NoSuchFileException | FileNotFoundException mergedAway) {
                    // a merge deleted it meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list search index files", e);
        }
        return total;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    /** Final commit, marked clean, then close. Runs after the event processors have stopped (bean destruction). */
    @PreDestroy
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                commitLocked(true);
            } finally {
                searchers.close();
                writer.close();
                directory.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close search index", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Closes without committing, losing uncommitted writes as a crash would. For recovery tests. */
    void abandon() throws IOException {
        writeLock.lock();
        try {
            closed = true;
            searchers.close();
            writer.rollback();
            directory.close();
        } finally {
            writeLock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The search index is closed");
        }
    }

    private static void closeQuietly(IndexWriter writer, FSDirectory dir) {
        try {
            if (writer != null) {
                writer.rollback();
            }
            if (dir != null) {
                dir.close();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot close search index after failing to open it", e);
        }
    }

    @FunctionalInterface
    interface IndexAction {
        void run() throws IOException;
    }

    @FunctionalInterface
    interface SearcherAction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
