package io.modelregistry.projection.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactDirectoryWriter;
import io.modelregistry.api.directory.ArtifactRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every directory adapter must do, embedded or OpenSearch: an artifact's record (its latest version) and each
 * version's record read back whole, versions newest first by semantic-version precedence, however many, writes that
 * a redelivery repeats harmlessly, the package digests of every live version, an exact count of live artifacts, and
 * deletes of one artifact or of everything (a reset, or a replay from the start). Each adapter's test extends this
 * with a fresh, empty store; an adapter with paged reads is given a small page so that reads cross pages.
 */
abstract class ArtifactDirectoryContract<S extends ArtifactDirectory & ArtifactDirectoryWriter> {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    /** An empty store; each test gets its own (or the same one emptied). */
    protected abstract S newStore();

    protected S directory;

    @BeforeEach
    void openStore() {
        directory = newStore();
    }

    private static ArtifactRecord record(String id, String version, String digest) {
        return new ArtifactRecord(id, ArtifactType.MODEL, "model-" + id, "https://huggingface.co/org/model-" + id,
                "HUGGINGFACE", "org/model-" + id, digest, 1_000, 2_000, "apache-2.0", null, "alice", T0,
                T0.plusSeconds(1), version);
    }

    @Test
    void aRecordIsReadBackWholeByItsIdAndType() {
        ArtifactRecord full = new ArtifactRecord("7", ArtifactType.DATASET, "squad", "https://huggingface.co/datasets/squad",
                "HUGGINGFACE", "rajpurkar/squad", "ab".repeat(32), 12_345_678_901L, 42, "cc-by-sa-4.0",
                "ingested for the QA benchmark", "carol", T0, T0.plusMillis(2_500), "1.2.0");
        ArtifactRecord sparse = new ArtifactRecord("8", ArtifactType.CODE, "tool", "https://github.com/org/tool",
                "GITHUB", null, "cd".repeat(32), 0, 0, null, null, "bob", T0, T0, null);
        directory.upsert(full);
        directory.upsert(sparse);

        assertThat(directory.find("7")).contains(full);
        assertThat(directory.find(ArtifactType.DATASET, "7")).contains(full);
        assertThat(directory.find(ArtifactType.MODEL, "7")).as("another type's id").isEmpty();
        assertThat(directory.find("8")).contains(sparse);
        assertThat(directory.find("8").orElseThrow().version()).isEqualTo(ArtifactContent.DEFAULT_VERSION);
        assertThat(directory.find("9")).isEmpty();
        assertThat(directory.versions("9")).isEmpty();
    }

    @Test
    void anUpsertReplacesTheArtifactsRecordAndARedeliveryChangesNothing() {
        ArtifactRecord first = record("1", "1.0.0", "aa".repeat(32));
        ArtifactRecord latest = record("1", "2.0.0", "bb".repeat(32));
        directory.upsert(first);
        directory.upsertVersion(first);
        directory.upsert(first);
        directory.upsertVersion(first);
        assertThat(directory.find("1")).contains(first);
        assertThat(directory.versions("1")).containsExactly(first);
        assertThat(directory.count()).isEqualTo(1);

        directory.upsert(latest);
        directory.upsertVersion(latest);
        directory.upsertVersion(latest);
        assertThat(directory.find("1")).contains(latest);
        assertThat(directory.versions("1")).containsExactly(latest, first);
        assertThat(directory.count()).isEqualTo(1);
    }

    @Test
    void versionsAreNewestFirstBySemanticVersionPrecedenceAndFoundIgnoringBuildMetadata() {
        List<String> written = List.of("1.10.0", "2.0.0-rc.1", "1.2.0", "2.0.0", "1.2.0-alpha");
        directory.upsert(record("1", "2.0.0", "00".repeat(32)));
        for (String version : written) {
            directory.upsertVersion(record("1", version, "digest-of-" + version));
        }
        directory.upsertVersion(record("2", "9.0.0", "99".repeat(32)));

        assertThat(directory.versions("1")).extracting(ArtifactRecord::version)
                .containsExactly("2.0.0", "2.0.0-rc.1", "1.10.0", "1.2.0", "1.2.0-alpha");
        assertThat(directory.find("1", "2.0.0+build.7")).map(ArtifactRecord::version).contains("2.0.0");
        assertThat(directory.find("1", "1.2.0")).contains(record("1", "1.2.0", "digest-of-1.2.0"));
        assertThat(directory.find("1", "3.0.0")).isEmpty();
    }

    @Test
    void anArtifactWithManyVersionsHasThemAllReadAcrossPages() {
        directory.upsert(record("1", "1.24.0", "00".repeat(32)));
        List<String> versions = IntStream.range(0, 25).mapToObj(i -> "1." + i + ".0").toList();
        for (String version : versions) {
            directory.upsertVersion(record("1", version, "d" + version));
        }
        directory.upsertVersion(record("2", "1.0.0", "other"));

        List<String> newestFirst = new ArrayList<>(versions);
        Collections.reverse(newestFirst);
        assertThat(directory.versions("1")).extracting(ArtifactRecord::version).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void anArtifactStoredBeforeVersionsKeepsItsOneVersionWhenAnotherIsAdded() {
        // a directory filled before versions existed has the artifact's record only: it is the one version
        ArtifactRecord old = record("1", null, "aa".repeat(32));
        directory.upsert(old);
        assertThat(directory.versions("1")).containsExactly(old);

        ArtifactRecord added = record("1", "1.1.0", "bb".repeat(32));
        directory.upsertVersion(added);
        assertThat(directory.versions("1")).containsExactly(added, old);
        assertThat(directory.livePackageDigests()).containsExactlyInAnyOrder("aa".repeat(32), "bb".repeat(32));
    }

    @Test
    void livePackageDigestsAreThoseOfEveryVersionOfEveryLiveArtifactEachOnce() {
        Set<String> expected = new HashSet<>();
        for (int artifact = 0; artifact < 6; artifact++) {
            String id = "a" + artifact;
            for (int version = 0; version < 4; version++) {
                // versions 0 and 1 of every artifact share a digest with the same versions of every other
                String digest = version < 2 ? "shared-" + version : id + "-" + version;
                directory.upsertVersion(record(id, "1." + version + ".0", digest));
                expected.add(digest);
            }
            directory.upsert(record(id, "1.3.0", id + "-3"));
        }
        directory.upsert(record("only-record", null, "record-digest"));
        expected.add("record-digest");

        assertThat(directory.livePackageDigests()).containsExactlyInAnyOrderElementsOf(expected);

        directory.delete("a5");
        expected.removeIf(digest -> digest.startsWith("a5-"));
        assertThat(directory.livePackageDigests()).as("a deleted artifact's digests are not live")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theCountIsOfLiveArtifactsNotOfVersions() {
        assertThat(directory.count()).isZero();
        for (int i = 0; i < 9; i++) {
            directory.upsert(record("a" + i, "2.0.0", "d" + i));
            directory.upsertVersion(record("a" + i, "1.0.0", "d" + i));
            directory.upsertVersion(record("a" + i, "2.0.0", "d" + i));
        }
        assertThat(directory.count()).isEqualTo(9);
        directory.delete("a3");
        directory.delete("a3");
        directory.delete("never-there");
        assertThat(directory.count()).isEqualTo(8);
    }

    @Test
    void deletingAnArtifactTakesItsRecordAndEveryVersionAndLeavesOthersAlone() {
        for (int v = 0; v < 12; v++) {
            directory.upsertVersion(record("1", "1." + v + ".0", "one-" + v));
        }
        directory.upsert(record("1", "1.11.0", "one-11"));
        directory.upsert(record("2", "1.0.0", "two"));
        directory.upsertVersion(record("2", "1.0.0", "two"));

        directory.delete("1");
        assertThat(directory.find("1")).isEmpty();
        assertThat(directory.versions("1")).isEmpty();
        assertThat(directory.find("2")).isPresent();
        assertThat(directory.versions("2")).hasSize(1);
        assertThat(directory.livePackageDigests()).containsExactly("two");
    }

    @Test
    void deleteAllEmptiesTheDirectoryAndAReplayFillsItAgain() {
        directory.upsert(record("1", "1.0.0", "d1"));
        directory.upsertVersion(record("1", "1.0.0", "d1"));
        directory.upsert(record("2", "1.0.0", "d2"));
        directory.deleteAll();
        assertThat(directory.find("1")).isEmpty();
        assertThat(directory.versions("1")).isEmpty();
        assertThat(directory.count()).isZero();
        assertThat(directory.livePackageDigests()).isEmpty();

        directory.upsert(record("1", "1.0.0", "d1"));
        directory.upsertVersion(record("1", "1.0.0", "d1"));
        assertThat(directory.find("1")).isPresent();
        assertThat(directory.count()).isEqualTo(1);
    }
}
