package io.modelregistry.projection.weights;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.weights.UnsafeWeightsOverridden;
import io.modelregistry.api.weights.WeightsScanRecord;
import io.modelregistry.api.weights.WeightsScansWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import io.modelregistry.projection.group.GroupMembers;
import org.springframework.stereotype.Component;

/**
 * Each package's weights scan (carried by the event that registered the package) and the override an
 * administrator recorded for it. Packages stored before scans existed have none. A deleted artifact or a reset drops
 * its rows.
 */
@Component
@ProcessingGroup("weights-scans")
class WeightsScansProjection {

    private final WeightsScansWriter scans;

    WeightsScansProjection(WeightsScansWriter scans) {
        this.scans = scans;
    }

    /** A group transaction's members, all in this one call (see {@link GroupMembers}). */
    @EventHandler
    void on(GroupCommitted group, TrackingToken token, GroupMembers members) {
        members.applyTo(this, group, token);
    }

    @EventHandler
    void on(ArtifactRegistered event) {
        scanned(event.artifactId(), event.content());
    }

    @EventHandler
    void on(ArtifactUpdated event) {
        scanned(event.artifactId(), event.content());
    }

    @EventHandler
    void on(ArtifactVersionAdded event) {
        scanned(event.artifactId(), event.content());
    }

    private void scanned(String artifactId, ArtifactContent content) {
        if (content != null && content.pkg() != null && content.pkg().weightsScan() != null) {
            scans.scanned(artifactId, content.pkg().digest(), content.version(), content.pkg().weightsScan());
        }
    }

    @EventHandler
    void on(UnsafeWeightsOverridden event) {
        scans.override(event.artifactId(), event.packageDigest(), event.allowed()
                ? new WeightsScanRecord.Override(event.actor().username(), event.at(), event.reason()) : null);
    }

    @EventHandler
    void on(ArtifactDeleted event) {
        scans.delete(event.artifactId());
    }

    @EventHandler
    void on(RegistryReset event) {
        scans.deleteAll();
    }

    @ResetHandler
    void onReplay() {
        scans.deleteAll();
    }
}
