package io.modelregistry.projection.lineage;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.eventhandling.TrackingToken;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.LineageWriter;
import io.modelregistry.api.registry.RegistryReset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the lineage read model through its ports. Each artifact is written by id and its declared
 * relationships are replaced as a whole, so a replay writes the same state again. Nothing is resolved here:
 * resolution happens when read, so registrations and deletions in any order give the same graph.
 */
@Component
@ProcessingGroup("lineage")
public class LineageProjection {

    private final LineageStore store;
    private final LineageWriter writer;

    /** Public for a replay into read models of its own (time travel), beside the processing group's instance. */
    public LineageProjection(LineageStore store, LineageWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** A group transaction's members, all in this one call (see {@link GroupMembers}). */
    @EventHandler
    void on(GroupCommitted group, TrackingToken token, GroupMembers members) {
        members.applyTo(this, group, token);
    }

    @EventHandler
    void on(ArtifactRegistered event) {
        SourceRef source = event.content().source();
        writer.putArtifact(new LineageArtifact(event.artifactId(), event.type(), event.name(), repoId(source),
                sourceKind(source), event.content().sourceUrl(), repositoryUrl(event.content()), revision(source),
                false, false));
    }

    /** New content: where it came from changes; identity and what it declared stay. */
    @EventHandler
    void on(ArtifactUpdated event) {
        SourceRef source = event.content().source();
        store.artifact(event.artifactId()).ifPresent(a -> writer.putArtifact(new LineageArtifact(a.id(), a.type(),
                a.name(), repoId(source), sourceKind(source), event.content().sourceUrl(),
                repositoryUrl(event.content()), revision(source), a.declared(), a.metadataMalformed())));
    }

    @EventHandler
    void on(ArtifactRelationshipsDeclared event) {
        writer.replaceDeclarations(event.artifactId(), event.relationships());
        store.artifact(event.artifactId()).ifPresent(a -> writer.putArtifact(new LineageArtifact(a.id(), a.type(),
                a.name(), a.repoId(), a.sourceKind(), a.sourceUrl(), a.repositoryUrl(), a.revision(), true,
                event.metadataMalformed())));
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

    private static String repoId(SourceRef source) {
        return source == null ? null : source.repoId();
    }

    private static String sourceKind(SourceRef source) {
        return source == null ? null : source.kind().name();
    }

    private static String revision(SourceRef source) {
        return source == null ? null : source.revision();
    }

    private static String repositoryUrl(ArtifactContent content) {
        SourceRef source = content.source();
        return source != null && source.canonicalUrl() != null ? source.canonicalUrl() : content.sourceUrl();
    }
}
