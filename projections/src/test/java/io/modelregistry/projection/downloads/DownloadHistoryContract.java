package io.modelregistry.projection.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.download.DownloadHistory;
import io.modelregistry.api.download.DownloadHistoryEntry;
import io.modelregistry.api.download.DownloadHistoryWriter;
import io.modelregistry.api.artifact.MonitorVerdict;
import io.modelregistry.api.artifact.MonitorVerdict.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of the download history port must do (the embedded JDBC one extends this; a scale-out one
 * will): newest first by log position, pages that never repeat nor skip even while downloads arrive, filters by
 * artifact and user, a read "as of" an instant that shows what a replay up to it would, and idempotent writes.
 */
public abstract class DownloadHistoryContract {

    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private DownloadHistory history;
    private DownloadHistoryWriter writer;

    /** A fresh, empty store for each test. */
    protected abstract DownloadHistory freshHistory();

    /** The write side of the store {@link #freshHistory()} last made. */
    protected abstract DownloadHistoryWriter writer();

    /** Called after each write, for an adapter whose reads lag its writes (e.g. an index refresh). */
    protected void afterWrites() {
    }

    @BeforeEach
    void fresh() {
        history = freshHistory();
        writer = writer();
    }

    private static DownloadHistoryEntry entry(long position, String user, String artifact) {
        return new DownloadHistoryEntry(position, T0.plusSeconds(position), user, false, artifact, ArtifactType.MODEL,
                "model-" + artifact, "1.0.0", "full", 100 + position, true, null);
    }

    private List<DownloadHistoryEntry> all(String artifact, String user, Instant asOf, int limit) {
        List<DownloadHistoryEntry> entries = new ArrayList<>();
        Long before = null;
        for (int pages = 0; pages < 1000; pages++) {
            DownloadHistory.Page page = history.page(new DownloadHistory.Query(artifact, user, asOf, before, limit));
            assertThat(page.entries().size()).isLessThanOrEqualTo(limit);
            entries.addAll(page.entries());
            if (page.next() == null) {
                return entries;
            }
            before = page.next();
        }
        throw new AssertionError("paging never ended");
    }

    @Test
    void aSingleFileDownloadKeepsTheFilesWholePathAsItsAspect() {
        String aspect = "file:plain_text/" + "nested/".repeat(40) + "train-00000-of-00010.parquet";
        writer.record(new DownloadHistoryEntry(1, T0, "ann", false, "a1", ArtifactType.DATASET, "books", "1.0.0",
                aspect, 10, true, null));
        afterWrites();
        assertThat(all(null, null, null, 10)).extracting(DownloadHistoryEntry::aspect).containsExactly(aspect);
    }

    @Test
    void pagesAreNewestFirstAndTogetherHoldEveryEntryExactlyOnce() {
        List<DownloadHistoryEntry> written = new ArrayList<>();
        for (long p = 1; p <= 25; p++) {
            DownloadHistoryEntry e = entry(p * 3, "user" + (p % 3), "a" + (p % 2));
            writer.record(e);
            written.add(e);
        }
        afterWrites();
        for (int limit : List.of(1, 7, 25, 100)) {
            List<DownloadHistoryEntry> paged = all(null, null, null, limit);
            assertThat(paged).as("limit " + limit).containsExactlyElementsOf(written.stream()
                    .sorted(Comparator.comparingLong(DownloadHistoryEntry::position).reversed()).toList());
        }
        DownloadHistory.Page exact = history.page(new DownloadHistory.Query(null, null, null, null, 25));
        assertThat(exact.next()).as("no next page when nothing is left").isNull();
    }

    @Test
    void downloadsArrivingWhileAClientPagesNeitherRepeatNorShiftItsPages() {
        for (long p = 1; p <= 10; p++) {
            writer.record(entry(p, "ann", "a"));
        }
        afterWrites();
        DownloadHistory.Page first = history.page(new DownloadHistory.Query(null, null, null, null, 4));
        for (long p = 11; p <= 20; p++) {
            writer.record(entry(p, "ann", "a"));
        }
        afterWrites();
        Set<Long> seen = new HashSet<>();
        first.entries().forEach(e -> seen.add(e.position()));
        Long before = first.next();
        while (before != null) {
            DownloadHistory.Page page = history.page(new DownloadHistory.Query(null, null, null, before, 4));
            page.entries().forEach(e -> assertThat(seen.add(e.position())).as("position " + e.position()
                    + " seen twice").isTrue());
            before = page.next();
        }
        assertThat(seen).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void historiesArePerArtifactPerUserAndBoth() {
        writer.record(entry(1, "ann", "a"));
        writer.record(entry(2, "bob", "a"));
        writer.record(entry(3, "ann", "b"));
        writer.record(entry(4, "bob", "b"));
        writer.record(entry(5, "ann", "a"));
        afterWrites();
        assertThat(all("a", null, null, 2)).extracting(DownloadHistoryEntry::position).containsExactly(5L, 2L, 1L);
        assertThat(all(null, "ann", null, 2)).extracting(DownloadHistoryEntry::position).containsExactly(5L, 3L, 1L);
        assertThat(all("b", "bob", null, 2)).extracting(DownloadHistoryEntry::position).containsExactly(4L);
        assertThat(all("c", null, null, 2)).isEmpty();
    }

    @Test
    void asOfAnInstantShowsWhatAReplayOfTheLogUpToThatInstantWould() {
        writer.record(entry(10, "ann", "a"));              // at T0 + 10 s
        writer.record(entry(20, "bob", "a"));              // at T0 + 20 s
        writer.reset(30, T0.plusSeconds(30));              // a registry reset
        writer.record(entry(40, "ann", "a"));              // at T0 + 40 s
        afterWrites();
        assertThat(all(null, null, null, 10)).as("now: after the last reset")
                .extracting(DownloadHistoryEntry::position).containsExactly(40L);
        assertThat(all(null, null, T0.plusSeconds(20), 10)).extracting(DownloadHistoryEntry::position)
                .containsExactly(20L, 10L);
        assertThat(all(null, null, T0.plusSeconds(15), 10)).extracting(DownloadHistoryEntry::position)
                .containsExactly(10L);
        assertThat(all(null, null, T0.plusSeconds(35), 10)).as("just after the reset").isEmpty();
        assertThat(all(null, "ann", T0.plusSeconds(45), 10)).extracting(DownloadHistoryEntry::position)
                .containsExactly(40L);
        assertThat(all(null, null, T0, 10)).as("before anything").isEmpty();
    }

    @Test
    void aReplayWritesTheSameEntriesAgainWithoutDuplicatingThem() {
        writer.record(entry(1, "ann", "a"));
        writer.record(entry(1, "ann", "a"));
        writer.reset(2, T0.plusSeconds(2));
        writer.reset(2, T0.plusSeconds(2));
        writer.record(entry(3, "ann", "a"));
        writer.record(entry(3, "ann", "a"));
        afterWrites();
        assertThat(all(null, null, null, 10)).extracting(DownloadHistoryEntry::position).containsExactly(3L);
        assertThat(all(null, null, T0.plusSeconds(1), 10)).extracting(DownloadHistoryEntry::position)
                .containsExactly(1L);
    }

    @Test
    void anEntryAtAPositionAlreadyStoredLeavesTheFirstAlone() {
        DownloadHistoryEntry first = entry(1, "ann", "a");
        writer.record(first);
        writer.record(new DownloadHistoryEntry(1, T0.plusSeconds(99), "bob", true, "b", ArtifactType.DATASET, "other",
                "9.9.9", "weights", 1, false, null));
        afterWrites();
        assertThat(all(null, null, null, 10)).containsExactly(first);
        assertThat(all("b", null, null, 10)).isEmpty();
    }

    @Test
    void aRefusedDownloadKeepsTheMonitorsVerdictAndWhatItPrinted() {
        MonitorVerdict refused = new MonitorVerdict(Outcome.REFUSED, 1, "ab".repeat(32), "policy 7: no", "warn", false,
                321, "the monitor program exited with code 1");
        writer.record(new DownloadHistoryEntry(7, T0, "bob", false, "a", ArtifactType.MODEL, "secret-model", "2.0.0",
                "weights", 0, false, refused));
        MonitorVerdict timedOut = new MonitorVerdict(Outcome.TIMED_OUT, null, "ab".repeat(32), "x".repeat(20_000), "",
                true, 10_000, "killed");
        writer.record(new DownloadHistoryEntry(8, T0.plusSeconds(1), "bob", true, "a", ArtifactType.MODEL,
                "secret-model", null, "full", 0, false, timedOut));
        afterWrites();
        List<DownloadHistoryEntry> entries = all(null, "bob", null, 10);
        assertThat(entries).hasSize(2);
        DownloadHistoryEntry killed = entries.get(0);
        assertThat(killed.admin()).isTrue();
        assertThat(killed.version()).isNull();
        assertThat(killed.monitor().outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(killed.monitor().exitCode()).isNull();
        assertThat(killed.monitor().stdout()).as("bounded").hasSize(MonitorVerdict.RECORDED_CHARS);
        assertThat(killed.monitor().truncated()).isTrue();
        DownloadHistoryEntry said = entries.get(1);
        assertThat(said).isEqualTo(new DownloadHistoryEntry(7, T0, "bob", false, "a", ArtifactType.MODEL,
                "secret-model", "2.0.0", "weights", 0, false, refused));
    }

    @Test
    void aMonitorsReasonIsKeptToItsFirst2048Characters() {
        MonitorVerdict wordy = new MonitorVerdict(Outcome.UNAVAILABLE, null, null, "", "", false, 0, "why ".repeat(1_000));
        writer.record(new DownloadHistoryEntry(1, T0, "ann", false, "a", ArtifactType.MODEL, "m", "1.0.0", "full", 0,
                false, wordy));
        afterWrites();
        assertThat(all(null, null, null, 1).get(0).monitor().reason()).isEqualTo("why ".repeat(512));
    }

    @Test
    void deletingEverythingEmptiesItForAReplay() {
        writer.record(entry(1, "ann", "a"));
        writer.reset(2, T0.plusSeconds(2));
        writer.deleteAll();
        writer.record(entry(1, "ann", "a"));
        afterWrites();
        assertThat(all(null, null, null, 10)).as("the reset marker went too").extracting(DownloadHistoryEntry::position)
                .containsExactly(1L);
    }
}
