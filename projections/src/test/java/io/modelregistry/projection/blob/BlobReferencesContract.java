package io.modelregistry.projection.blob;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.DocumentRef;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.blob.BlobReferences;
import io.modelregistry.api.blob.BlobReferencesWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every blob references adapter must do, embedded or OpenSearch. Every version of a live artifact keeps what
 * its content names (manifest, each file, stored or remote, and its documents); an update replaces what the version
 * it names referenced, and deletion and reset drop everything. The sweep deletes what this says nobody references,
 * so an adapter that missed one reference (a page it did not read, a write it did not see yet) would lose a live
 * blob: the look-ups here are large and asked right after the writes. Each adapter's test extends this with a
 * fresh, empty store.
 */
abstract class BlobReferencesContract<S extends BlobReferences & BlobReferencesWriter> {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final Map<String, byte[]> manifests = new HashMap<>();
    /** An empty store; each test gets its own (or the same one emptied). */
    protected abstract S newStore();

    protected S references;
    private BlobReferenceProjection projection;

    @BeforeEach
    void openStore() {
        references = newStore();
        projection = new BlobReferenceProjection(references, new Manifests());
    }

    @Test
    void everyVersionKeepsItsManifestFilesAndDocumentsUntilReplacedOrDeleted() {
        String v1Weights = hex('1');
        String v2Weights = hex('2');
        String shared = hex('3');
        String remote = hex('4');
        ArtifactContent v1 = content("1.0.0", manifest('a', v1Weights, shared), hex('d'));
        ArtifactContent v2 = content("2.0.0", manifest('b', v2Weights, shared, remote), null);
        projection.on(new ArtifactRegistered("m1", ArtifactType.MODEL, "m", v1, ADMIN, AT));
        projection.on(new ArtifactVersionAdded("m1", ArtifactType.MODEL, "m", v2, ADMIN, AT));
        List<String> all = List.of(hex('a'), hex('b'), v1Weights, v2Weights, shared, remote, hex('d'), hex('9'));

        assertThat(references.referencedAmong(all)).containsExactlyInAnyOrder(hex('a'), hex('b'), v1Weights,
                v2Weights, shared, remote, hex('d'));

        ArtifactContent v2Replaced = content("2.0.0", manifest('c', shared), null);
        projection.on(new ArtifactUpdated("m1", ArtifactType.MODEL, "m", v2Replaced, ADMIN, AT));
        assertThat(references.referencedAmong(all)).as("the update replaced version 2.0.0 only")
                .containsExactlyInAnyOrder(hex('a'), v1Weights, shared, hex('d'));
        assertThat(references.referencedAmong(List.of(hex('c')))).containsExactly(hex('c'));

        projection.on(new ArtifactRegistered("m2", ArtifactType.MODEL, "other", content("1.0.0",
                manifest('e', shared), null), ADMIN, AT));
        projection.on(new ArtifactDeleted("m1", ArtifactType.MODEL, "m", ADMIN, AT));
        assertThat(references.referencedAmong(all)).as("what another artifact still uses stays")
                .containsExactly(shared);

        projection.on(new RegistryReset(ADMIN, null, AT));
        assertThat(references.referencedAmong(all)).isEmpty();
        assertThat(references.count()).isZero();
    }

    @Test
    void aPackageWhoseManifestWasSweptAwayReferencesItselfAndTheReplayCarriesOn() {
        // replaying from the start after a sweep meets deleted artifacts whose manifests are gone
        String gone = hex('7');
        projection.on(new ArtifactRegistered("m1", ArtifactType.MODEL, "m", content("1.0.0", gone, hex('8')), ADMIN, AT));
        assertThat(references.referencedAmong(List.of(gone, hex('8')))).containsExactlyInAnyOrder(gone, hex('8'));
        projection.on(new ArtifactDeleted("m1", ArtifactType.MODEL, "m", ADMIN, AT));
        assertThat(references.referencedAmong(List.of(gone, hex('8')))).isEmpty();
    }

    private static String digest(int i) {
        return String.format("%064x", i);
    }

    @Test
    void everyReferenceAmongThousandsOfDigestsIsFoundAndCountedOnce() {
        Set<String> firstHalf = new HashSet<>();
        Set<String> secondHalf = new HashSet<>();
        for (int i = 0; i < 1500; i++) {
            (i < 750 ? firstHalf : secondHalf).add(digest(i));
        }
        references.replace("a1", "1.0.0", firstHalf);
        references.replace("a2", "1.0.0", secondHalf);
        references.replace("a3", "1.0.0", Set.of(digest(10), digest(1000)));

        List<String> asked = new java.util.ArrayList<>(IntStream.range(0, 3000).mapToObj(BlobReferencesContract::digest)
                .toList());
        java.util.Collections.shuffle(asked, new java.util.Random(7));
        Set<String> found = references.referencedAmong(asked);
        assertThat(found).hasSize(1500).containsAll(firstHalf).containsAll(secondHalf);
        assertThat(references.count()).isEqualTo(1500);
        assertThat(references.referencedAmong(List.of())).isEmpty();
    }

    @Test
    void aDigestSharedByManyVersionsStaysReferencedUntilTheLastGoes() {
        String shared = hex('5');
        for (int v = 0; v < 40; v++) {
            references.replace("a" + (v % 4), v + ".0.0", Set.of(shared, digest(v)));
        }
        assertThat(references.count()).isEqualTo(41);
        assertThat(references.referencedAmong(List.of(shared))).containsExactly(shared);
        references.deleteArtifact("a0");
        references.deleteArtifact("a1");
        references.deleteArtifact("a2");
        assertThat(references.referencedAmong(List.of(shared, digest(0), digest(3)))).containsExactlyInAnyOrder(shared,
                digest(3));
        references.deleteArtifact("a3");
        assertThat(references.referencedAmong(List.of(shared))).isEmpty();
        assertThat(references.count()).isZero();
    }

    @Test
    void replacingAVersionIsIdempotentAndTouchesNoOtherVersion() {
        references.replace("a1", "1.0.0", Set.of(hex('a'), hex('b')));
        references.replace("a1", "2.0.0", Set.of(hex('b'), hex('c')));
        references.replace("a1", "1.0.0", Set.of(hex('a'), hex('b')));
        assertThat(references.count()).isEqualTo(3);

        references.replace("a1", "1.0.0", Set.of(hex('d')));
        references.replace("a1", "1.0.0", Set.of(hex('d')));
        assertThat(references.referencedAmong(List.of(hex('a'), hex('b'), hex('c'), hex('d'))))
                .containsExactlyInAnyOrder(hex('b'), hex('c'), hex('d'));
        references.replace("a1", "2.0.0", Set.of());
        assertThat(references.referencedAmong(List.of(hex('a'), hex('b'), hex('c'), hex('d')))).containsExactly(hex('d'));
        assertThat(references.count()).isEqualTo(1);

        references.deleteArtifact("a1");
        references.deleteArtifact("a1");
        assertThat(references.count()).isZero();
    }

    @Test
    void deleteAllForgetsEverythingAndTheStoreFillsAgain() {
        references.replace("a1", "1.0.0", Set.of(hex('a')));
        references.deleteAll();
        assertThat(references.count()).isZero();
        assertThat(references.referencedAmong(List.of(hex('a')))).isEmpty();
        references.replace("a1", "1.0.0", Set.of(hex('a')));
        assertThat(references.referencedAmong(List.of(hex('a')))).containsExactly(hex('a'));
    }

    private static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }

    /** Stores a manifest whose own digest is {@code self} (any address will do for the projection). */
    private String manifest(char self, String... files) {
        List<PackageManifest.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            entries.add(files[i].equals(hex('4'))
                    ? PackageManifest.Entry.remote("big-" + i + ".bin", 9, files[i], Aspect.WEIGHTS,
                    new PackageManifest.Remote(SourceKind.HUGGINGFACE_MODEL, "org/m", "abc", "big-" + i + ".bin"))
                    : new PackageManifest.Entry("f" + i + ".bin", 1, files[i], 0, Aspect.WEIGHTS));
        }
        manifests.put(hex(self), new PackageManifest(entries).encode());
        return hex(self);
    }

    private static ArtifactContent content(String version, String manifestDigest, String readme) {
        SourceRef source = new SourceRef(SourceKind.HUGGINGFACE_MODEL, "org/m", "abc", null, "https://huggingface.co/org/m");
        return new ArtifactContent("https://huggingface.co/org/m", source,
                new StoredPackage(manifestDigest, 1, 1, List.of()),
                new ArtifactDocumentRefs(readme == null ? null : DocumentRef.stored(readme, 5), null,
                        new DocumentRef("ignored", 3, "inline text of an old event: no blob")), null, null, version);
    }

    private final class Manifests implements BlobStore {
        @Override
        public StoredBlob put(InputStream content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<InputStream> open(String digest) {
            return Optional.ofNullable(manifests.get(digest)).map(ByteArrayInputStream::new);
        }

        @Override
        public Optional<Long> size(String digest) {
            return Optional.ofNullable(manifests.get(digest)).map(bytes -> (long) bytes.length);
        }

        @Override
        public List<String> list(String afterDigest, int limit) {
            return List.of();
        }

        @Override
        public boolean delete(String digest) {
            return false;
        }

        @Override
        public Optional<URI> presignedDownload(String digest, Duration ttl) {
            return Optional.empty();
        }

        @Override
        public HealthProbe probe() {
            return new HealthProbe(true, 0, "memory", "ok");
        }
    }
}
