package io.modelregistry.projection.lineage;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.LineageWriter;
import java.time.Instant;
import java.util.List;

/** A lineage read model on whichever adapter a contract test opens, fed by calling the projection's handlers directly. */
final class LineageFixture {

    static final Actor ADMIN = new Actor("admin", true);
    static final Instant AT = Instant.parse("2025-11-01T10:00:00Z");

    final LineageProjection projection;
    final LineageReadModel readModel;
    final LineageGraphs graphs;

    LineageFixture(LineageStore store, LineageWriter writer) {
        projection = new LineageProjection(store, writer);
        readModel = new LineageReadModel(store);
        graphs = new LineageGraphs(readModel);
    }

    void model(String id, String name, String repoId, DeclaredRelationship... relationships) {
        register(id, ArtifactType.MODEL, name, repoId, SourceKind.HUGGINGFACE_MODEL);
        declare(id, name, false, relationships);
    }

    void register(String id, ArtifactType type, String name, String repoId, SourceKind kind) {
        projection.on(new ArtifactRegistered(id, type, name, content(repoId, kind), ADMIN, AT));
    }

    void declare(String id, String name, boolean malformed, DeclaredRelationship... relationships) {
        projection.on(new ArtifactRelationshipsDeclared(id, ArtifactType.MODEL, name, List.of(relationships), malformed, AT));
    }

    void update(String id, String name, String repoId, DeclaredRelationship... relationships) {
        projection.on(new ArtifactUpdated(id, ArtifactType.MODEL, name, content(repoId, SourceKind.HUGGINGFACE_MODEL),
                ADMIN, AT));
        declare(id, name, false, relationships);
    }

    void delete(String id, ArtifactType type, String name) {
        projection.on(new ArtifactDeleted(id, type, name, ADMIN, AT));
    }

    void reset() {
        projection.on(new RegistryReset(ADMIN, null, AT));
    }

    static DeclaredRelationship card(String target) {
        return new DeclaredRelationship(target, "model", "base_model", "model_card", "README.md front matter base_model: " + target);
    }

    static DeclaredRelationship config(String target) {
        return new DeclaredRelationship(target, "model", "base_model", "config_json", "config.json _name_or_path: " + target);
    }

    static DeclaredRelationship prose(String target) {
        return new DeclaredRelationship(target, "model", "fine_tuned_from", "readme_text",
                "README.md line 30: fine-tuned version of [" + target + "]");
    }

    static DeclaredRelationship dataset(String target) {
        return new DeclaredRelationship(target, "dataset", "trained_on", "model_card", "README.md front matter datasets: " + target);
    }

    static DeclaredRelationship code(String target) {
        return new DeclaredRelationship(target, "code", "code_repository", "readme_text",
                "README.md line 15: https://github.com/" + target);
    }

    private static ArtifactContent content(String repoId, SourceKind kind) {
        String url = switch (kind) {
            case GITHUB_REPOSITORY -> "https://github.com/" + repoId;
            case HUGGINGFACE_DATASET -> "https://huggingface.co/datasets/" + repoId;
            default -> "https://huggingface.co/" + repoId;
        };
        return new ArtifactContent(url, new SourceRef(kind, repoId, "main", null, url),
                new StoredPackage("b".repeat(64), 10, 10, List.of()), ArtifactDocumentRefs.none(), null, null);
    }
}
