package io.modelregistry.projection.sensitive;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.eventhandling.TrackingToken;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.api.sensitive.ModelSensitivityChanged;
import io.modelregistry.api.sensitive.MonitorProgramAttached;
import io.modelregistry.api.sensitive.MonitorProgramRemoved;
import io.modelregistry.api.sensitive.SensitiveModelsWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Which models are sensitive and which program monitors each. A deleted model or a reset drops its guard (the
 * id is never downloadable again: ids are not reused).
 */
@Component
@ProcessingGroup("sensitive-models")
class SensitiveModelsProjection {

    private final SensitiveModelsWriter guards;

    SensitiveModelsProjection(SensitiveModelsWriter guards) {
        this.guards = guards;
    }

    /** A group transaction's members, all in this one call (see {@link GroupMembers}). */
    @EventHandler
    void on(GroupCommitted group, TrackingToken token, GroupMembers members) {
        members.applyTo(this, group, token);
    }

    @EventHandler
    void on(ModelSensitivityChanged event) {
        guards.sensitivity(event.artifactId(), event.sensitive(), event.actor().username(), event.at());
    }

    @EventHandler
    void on(MonitorProgramAttached event) {
        guards.program(event.artifactId(), new ModelGuard.Program(event.sha256(), event.bytes(),
                event.actor().username(), event.at()), event.actor().username(), event.at());
    }

    @EventHandler
    void on(MonitorProgramRemoved event) {
        guards.program(event.artifactId(), null, event.actor().username(), event.at());
    }

    @EventHandler
    void on(ArtifactDeleted event) {
        guards.delete(event.artifactId());
    }

    @EventHandler
    void on(RegistryReset event) {
        guards.deleteAll();
    }

    @ResetHandler
    void onReplay() {
        guards.deleteAll();
    }
}
