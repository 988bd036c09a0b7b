package io.modelregistry.projection.sensitive.opensearch;

import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.api.sensitive.SensitiveModels;
import io.modelregistry.api.sensitive.SensitiveModelsWriter;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The sensitive-model read model in one OpenSearch index, one document per model ever marked ({@code _id} its
 * artifact id). A change of sensitivity and a change of program each update only their own fields (a partial update,
 * created if absent, as the embedded adapter's update-or-insert), so the one never undoes the other and a redelivered
 * event sets the same fields again. The guard is a real-time get by id, which the download gate asks on every
 * download. Writes are refreshed before they return.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
public class OpenSearchSensitiveModels implements SensitiveModels, SensitiveModelsWriter {

    static final String READ_MODEL = "sensitive-models";
    /** Partial updates of one document by one segment conflict only if a write raced it; retried then. */
    private static final int RETRIES_ON_CONFLICT = 3;

    private final OpenSearchIndex index;

    public OpenSearchSensitiveModels(OpenSearchIndices indices) {
        this.index = indices.register(IndexDefinition.fromResource(READ_MODEL, OpenSearchSensitiveModels.class,
                READ_MODEL + ".json"));
    }

    /** The stored document; the program's fields are null while none is attached. */
    record GuardDocument(String artifactId, boolean sensitive, String programSha256, Long programBytes,
                         String programAttachedBy, Instant programAttachedAt, String changedBy, Instant changedAt) {

        ModelGuard guard() {
            ModelGuard.Program program = programSha256 == null ? null
                    : new ModelGuard.Program(programSha256, programBytes, programAttachedBy, programAttachedAt);
            return new ModelGuard(artifactId, sensitive, program, changedBy, changedAt);
        }
    }

    @Override
    public Optional<ModelGuard> guard(String artifactId) {
        return index.get(artifactId, GuardDocument.class).map(GuardDocument::guard);
    }

    @Override
    public void sensitivity(String artifactId, boolean sensitive, String changedBy, Instant changedAt) {
        Map<String, Object> fields = changed(artifactId, changedBy, changedAt);
        fields.put("sensitive", sensitive);
        update(artifactId, fields, fields);
    }

    @Override
    public void program(String artifactId, ModelGuard.Program program, String changedBy, Instant changedAt) {
        Map<String, Object> fields = changed(artifactId, changedBy, changedAt);
        // a removed program clears its fields: a null in a partial update replaces the stored value
        fields.put("programSha256", program == null ? null : program.sha256());
        fields.put("programBytes", program == null ? null : program.bytes());
        fields.put("programAttachedBy", program == null ? null : program.attachedBy());
        fields.put("programAttachedAt", program == null ? null : program.attachedAt());
        Map<String, Object> absent = new HashMap<>(fields);
        absent.put("sensitive", false);
        update(artifactId, fields, absent);
    }

    @Override
    public void delete(String artifactId) {
        index.bulk(List.of(BulkOperation.of(b -> b.delete(d -> d.id(artifactId)))), Refresh.True);
    }

    @Override
    public void deleteAll() {
        index.recreate();
    }

    private static Map<String, Object> changed(String artifactId, String changedBy, Instant changedAt) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("artifactId", artifactId);
        fields.put("changedBy", changedBy);
        fields.put("changedAt", changedAt);
        return fields;
    }

    /** Sets {@code fields} of the model's document, or creates it as {@code absent} when the model has none. */
    private void update(String artifactId, Map<String, Object> fields, Map<String, Object> absent) {
        index.bulk(List.of(BulkOperation.of(b -> b.update(u -> u.id(artifactId).retryOnConflict(RETRIES_ON_CONFLICT)
                .document(fields).upsert(absent)))), Refresh.True);
    }
}
