package io.modelregistry.projection.directory;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactDirectoryWriter;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.registry.RegistryReset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the directory from artifact events, through its ports: whichever adapter stores it, writes are
 * idempotent (upsert by id), so a replay rebuilds the same records.
 */
@Component
@ProcessingGroup("directory")
class ArtifactDirectoryProjection {

    private final ArtifactDirectory directory;
    private final ArtifactDirectoryWriter writer;

    ArtifactDirectoryProjection(ArtifactDirectory directory, ArtifactDirectoryWriter writer) {
        this.directory = directory;
        this.writer = writer;
    }

    @EventHandler
    void on(ArtifactRegistered event) {
        ArtifactContent c = event.content();
        writer.upsert(new ArtifactRecord(event.artifactId(), event.type(), event.name(), c.sourceUrl(),
                c.source().kind().name(), c.source().repoId(), c.pkg().digest(), c.pkg().bundleBytes(),
                c.pkg().declaredBytes(), c.licence(), c.note(), event.actor().username(), event.at(), event.at()));
    }

    /** New content for an artifact the directory holds; identity and provenance of its registration stay. */
    @EventHandler
    void on(ArtifactUpdated event) {
        ArtifactContent c = event.content();
        directory.find(event.artifactId()).ifPresent(r -> writer.upsert(new ArtifactRecord(r.id(), r.type(), r.name(),
                c.sourceUrl(), c.source().kind().name(), c.source().repoId(), c.pkg().digest(), c.pkg().bundleBytes(),
                c.pkg().declaredBytes(), c.licence(), c.note(), r.registeredBy(), r.registeredAt(), event.at())));
    }

    @EventHandler
    void on(ArtifactDeleted event) {
        writer.delete(event.artifactId());
    }

    @EventHandler
    void on(RegistryReset event) {
        writer.deleteAll();
    }

    @ResetHandler
    void onReplay() {
        writer.deleteAll();
    }
}
