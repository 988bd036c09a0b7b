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
import io.modelregistry.projection.blob.jdbc.JdbcBlobReferences;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Every version of a live artifact keeps what its content names (manifest, each file, stored or remote, and its
 * documents); an update replaces what the version it names referenced, and deletion and reset drop everything.
 */
class BlobReferenceProjectionTest {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final Map<String, byte[]> manifests = new HashMap<>();
    private final JdbcBlobReferences references;
    private final BlobReferenceProjection projection;

    BlobReferenceProjectionTest() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:blobs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-blobs.sql")).execute(dataSource);
        references = new JdbcBlobReferences(new JdbcTemplate(dataSource));
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
