package io.modelregistry.projection.blob;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.eventhandling.TrackingToken;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.artifact.DocumentRef;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.blob.BlobReferencesWriter;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.sensitive.MonitorProgramAttached;
import io.modelregistry.api.sensitive.MonitorProgramRemoved;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records which blobs every version of every live artifact references: its package manifest, each file the
 * manifest names (stored or remote: a remote file, once fetched, is kept as well), and its stored documents. A
 * registration and each added version add their content's references; an update replaces those of the version it
 * names; a deletion or a reset drops them. A model's monitor program is a blob it references too, under a key of its
 * own beside the versions, until the program is replaced or removed. The manifest is read from the blob store (it was written before the
 * event); a package stored before manifests existed is one bundle zip and references nothing more.
 */
@Component
@ProcessingGroup("blob-references")
class BlobReferenceProjection {

    private static final Logger log = LoggerFactory.getLogger(BlobReferenceProjection.class);
    /** No manifest this registry writes comes near it (see the download side's bound). */
    private static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

    private final BlobReferencesWriter writer;
    private final BlobStore blobs;

    BlobReferenceProjection(BlobReferencesWriter writer, BlobStore blobs) {
        this.writer = writer;
        this.blobs = blobs;
    }

    /** A group transaction's members, all in this one call (see {@link GroupMembers}). */
    @EventHandler
    void on(GroupCommitted group, TrackingToken token, GroupMembers members) {
        members.applyTo(this, group, token);
    }

    @EventHandler
    void on(ArtifactRegistered event) {
        record(event.artifactId(), event.content());
    }

    @EventHandler
    void on(ArtifactVersionAdded event) {
        record(event.artifactId(), event.content());
    }

    @EventHandler
    void on(ArtifactUpdated event) {
        record(event.artifactId(), event.content());
    }

    /** Not a version: no version is ever named this (versions are semantic versions). */
    static final String MONITOR_PROGRAM = "#monitor-program";

    @EventHandler
    void on(MonitorProgramAttached event) {
        writer.replace(event.artifactId(), MONITOR_PROGRAM, Set.of(event.sha256()));
    }

    @EventHandler
    void on(MonitorProgramRemoved event) {
        writer.replace(event.artifactId(), MONITOR_PROGRAM, Set.of());
    }

    @EventHandler
    void on(ArtifactDeleted event) {
        writer.deleteArtifact(event.artifactId());
    }

    @EventHandler
    void on(RegistryReset event) {
        writer.deleteAll();
    }

    @ResetHandler
    void onReplay() {
        writer.deleteAll();
    }

    private void record(String artifactId, ArtifactContent content) {
        writer.replace(artifactId, content.version(), referenced(content));
    }

    static Set<String> documents(ArtifactDocumentRefs refs) {
        Set<String> digests = new LinkedHashSet<>();
        Stream.of(refs.readme(), refs.configJson(), refs.sourceMetadataJson())
                .filter(ref -> ref != null && ref.inlineText() == null && ref.digest() != null)
                .map(DocumentRef::digest).forEach(digests::add);
        return digests;
    }

    private Set<String> referenced(ArtifactContent content) {
        Set<String> digests = new LinkedHashSet<>();
        String packageDigest = content.pkg() == null ? null : content.pkg().digest();
        if (packageDigest != null) {
            digests.add(packageDigest);
            manifest(packageDigest).ifPresent(m -> m.entries().forEach(e -> digests.add(e.sha256())));
        }
        digests.addAll(documents(content.documents()));
        return digests;
    }

    private Optional<PackageManifest> manifest(String digest) {
        try {
            Optional<Long> size = blobs.size(digest);
            if (size.isEmpty() || size.get() > MAX_MANIFEST_BYTES) {
                if (size.isEmpty()) {
                    log.warn("package {} named by the log is not in the blob store", digest);
                }
                return Optional.empty();
            }
            Optional<InputStream> in = blobs.open(digest);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream stream = in.get()) {
                bytes = stream.readAllBytes();
            }
            // a bundle zip of an older package is no manifest: it is one blob, referenced by its digest alone
            return PackageManifest.looksLikeManifest(bytes) ? PackageManifest.decode(bytes) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read package manifest " + digest, e);
        }
    }
}
