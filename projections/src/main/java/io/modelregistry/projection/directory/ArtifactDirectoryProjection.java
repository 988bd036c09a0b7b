package io.modelregistry.projection.directory;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.eventhandling.TrackingToken;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactDirectoryWriter;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.version.SemanticVersions;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the directory from artifact events, through its ports: whichever adapter stores it, writes are
 * idempotent (upsert by id, and by id and version), so a replay rebuilds the same records. The artifact's record
 * is its latest version by semver precedence, with the provenance of its registration; each version's record has
 * its own (who added it, when).
 */
@Component
@ProcessingGroup("directory")
public class ArtifactDirectoryProjection {

    private final ArtifactDirectory directory;
    private final ArtifactDirectoryWriter writer;

    /** Public for a replay into read models of its own (time travel), beside the processing group's instance. */
    public ArtifactDirectoryProjection(ArtifactDirectory directory, ArtifactDirectoryWriter writer) {
        this.directory = directory;
        this.writer = writer;
    }

    /** A group transaction's members, all in this one call (see {@link GroupMembers}). */
    @EventHandler
    void on(GroupCommitted group, TrackingToken token, GroupMembers members) {
        members.applyTo(this, group, token);
    }

    @EventHandler
    void on(ArtifactRegistered event) {
        ArtifactRecord record = record(event.artifactId(), event.type(), event.name(), event.content(),
                event.actor().username(), event.at(), event.at());
        writer.upsert(record);
        writer.upsertVersion(record);
    }

    /** A version was added: it is the artifact's record too when it is now the latest. */
    @EventHandler
    void on(ArtifactVersionAdded event) {
        directory.find(event.artifactId()).ifPresent(r -> {
            ArtifactRecord version = record(r.id(), r.type(), r.name(), event.content(), event.actor().username(),
                    event.at(), event.at());
            writer.upsertVersion(version);
            if (SemanticVersions.PRECEDENCE.compare(version.version(), r.version()) > 0) {
                writer.upsert(record(r.id(), r.type(), r.name(), event.content(), r.registeredBy(), r.registeredAt(),
                        event.at()));
            }
        });
    }

    /**
     * New content for the latest version (the aggregate names it in the content; an update recorded before
     * versions existed names none, and its artifact had only the default version).
     */
    @EventHandler
    void on(ArtifactUpdated event) {
        ArtifactContent c = event.content();
        directory.find(event.artifactId()).ifPresent(r -> {
            writer.upsert(record(r.id(), r.type(), r.name(), c, r.registeredBy(), r.registeredAt(), event.at()));
            var previous = directory.find(r.id(), c.version());
            writer.upsertVersion(record(r.id(), r.type(), r.name(), c,
                    previous.map(ArtifactRecord::registeredBy).orElse(r.registeredBy()),
                    previous.map(ArtifactRecord::registeredAt).orElse(r.registeredAt()), event.at()));
        });
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

    private static ArtifactRecord record(String id, ArtifactType type, String name,
                                         ArtifactContent c, String by, Instant registeredAt, Instant updatedAt) {
        return new ArtifactRecord(id, type, name, c.sourceUrl(), c.source().kind().name(), c.source().repoId(),
                c.pkg().digest(), c.pkg().bundleBytes(), c.pkg().declaredBytes(), c.licence(), c.note(), by,
                registeredAt, updatedAt, SemanticVersions.tryNormalise(c.version()).orElse(c.version()));
    }
}
