package io.modelregistry.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.audit.AuditEntry;
import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.api.audit.AuditTrailWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every audit read model adapter must do, embedded or OpenSearch: an artifact's entries in the order they were
 * recorded, bounded, a replayed event never recorded twice, download counts for a bounded set of ids, and a reset
 * that clears everything. Each adapter's test extends this with a fresh, empty store.
 */
abstract class AuditTrailContract<S extends AuditTrail & AuditTrailWriter> {

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    /** An empty store; each test gets its own (or the same one emptied). */
    protected abstract S newStore();

    protected S trail;

    @BeforeEach
    void openStore() {
        trail = newStore();
    }

    private static AuditEntry entry(String artifactId, String action, Instant at, String version) {
        return new AuditEntry("alice", false, at, artifactId, "name-" + artifactId, ArtifactType.MODEL, action, version);
    }

    @Test
    void entriesAreReadBackWholeInTheOrderTheyHappenedAndEntriesOfOneInstantInTheOrderRecorded() {
        // one ingest records several events at the same instant: their order is the order they were recorded in
        AuditEntry create = new AuditEntry("admin", true, T0, "a1", "bert", ArtifactType.MODEL, "CREATE", "1.0.0");
        AuditEntry added = new AuditEntry("admin", true, T0, "a1", "bert", ArtifactType.MODEL, "UPDATE", "1.1.0");
        AuditEntry download = new AuditEntry("bob", false, T0.plusMillis(1), "a1", "bert", ArtifactType.MODEL,
                "DOWNLOAD", null);
        AuditEntry rate = new AuditEntry("carol", false, T0.plusSeconds(5).plusNanos(123_000), "a1", "bert",
                ArtifactType.MODEL, "RATE", "1.1.0");
        trail.record("e9", create);
        trail.record("e1", added);
        trail.record("e5", download);
        trail.record("x1", entry("a2", "CREATE", T0, "1.0.0"));
        trail.record("e3", rate);

        assertThat(trail.entriesFor("a1", 10)).containsExactly(create, added, download, rate);
        assertThat(trail.entriesFor("a1", 2)).containsExactly(create, added);
        assertThat(trail.entriesFor("a2", 10)).hasSize(1);
        assertThat(trail.entriesFor("a3", 10)).isEmpty();
    }

    @Test
    void aReplayedEventIsNotRecordedTwiceAndKeepsItsPlace() {
        trail.record("e1", entry("a1", "CREATE", T0, "1.0.0"));
        trail.record("e2", entry("a1", "DOWNLOAD", T0, "1.0.0"));
        trail.record("e1", entry("a1", "CREATE", T0, "1.0.0"));
        trail.record("e3", entry("a1", "RATE", T0, "1.0.0"));
        trail.record("e2", entry("a1", "DOWNLOAD", T0, "1.0.0"));

        assertThat(trail.entriesFor("a1", 10)).extracting(AuditEntry::action)
                .containsExactly("CREATE", "DOWNLOAD", "RATE");
        assertThat(trail.downloadCounts(List.of("a1"))).containsExactly(Map.entry("a1", 1L));
    }

    @Test
    void aLongTrailIsReadOldestFirstUpToTheLimit() {
        for (int i = 0; i < 60; i++) {
            trail.record("e" + i, entry("a1", i == 0 ? "CREATE" : "DOWNLOAD", T0.plusMillis(i), String.valueOf(i)));
        }
        trail.record("other", entry("a2", "CREATE", T0.plusMillis(30), "x"));
        assertThat(trail.entriesFor("a1", 50)).extracting(AuditEntry::version)
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(String::valueOf).toList());
        assertThat(trail.entriesFor("a1", 1000)).extracting(AuditEntry::version)
                .containsExactlyElementsOf(IntStream.range(0, 60).mapToObj(String::valueOf).toList());
        assertThat(trail.entriesFor("a1", 56)).hasSize(56);
    }

    @Test
    void downloadCountsCountOnlyDownloadsOfTheIdsAskedAndLeaveOutIdsWithout() {
        trail.record("c1", entry("a1", "CREATE", T0, null));
        trail.record("d1", entry("a1", "DOWNLOAD", T0, null));
        trail.record("d2", entry("a1", "DOWNLOAD", T0, null));
        trail.record("d3", entry("a2", "DOWNLOAD", T0, null));
        trail.record("r1", entry("a3", "RATE", T0, null));
        trail.record("d4", entry("a4", "DOWNLOAD", T0, null));

        assertThat(trail.downloadCounts(List.of("a1", "a2", "a3", "a9")))
                .containsOnly(Map.entry("a1", 2L), Map.entry("a2", 1L));
        assertThat(trail.downloadCounts(List.of())).isEmpty();

        List<String> hundred = new ArrayList<>(IntStream.range(0, 99).mapToObj(i -> "z" + i).toList());
        hundred.add("a4");
        assertThat(trail.downloadCounts(hundred)).containsOnly(Map.entry("a4", 1L));
        hundred.add("a1");
        assertThatThrownBy(() -> trail.downloadCounts(hundred)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyDownloadsOfManyArtifactsAreCountedExactly() {
        List<String> ids = IntStream.range(0, 100).mapToObj(i -> "m" + i).toList();
        int event = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int d = 0; d <= i % 3; d++) {
                trail.record("d" + event++, entry(ids.get(i), "DOWNLOAD", T0, null));
            }
        }
        Map<String, Long> counts = trail.downloadCounts(ids);
        assertThat(counts).hasSize(100);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(counts.get(ids.get(i))).as(ids.get(i)).isEqualTo(i % 3 + 1L);
        }
    }

    @Test
    void deleteAllClearsEveryTrail() {
        trail.record("e1", entry("a1", "CREATE", T0, null));
        trail.record("e2", entry("a1", "DOWNLOAD", T0, null));
        trail.deleteAll();
        assertThat(trail.entriesFor("a1", 10)).isEmpty();
        assertThat(trail.downloadCounts(List.of("a1"))).isEmpty();

        trail.record("e1", entry("a1", "CREATE", T0, null));
        assertThat(trail.entriesFor("a1", 10)).as("after a reset the same event may be recorded again").hasSize(1);
    }
}
