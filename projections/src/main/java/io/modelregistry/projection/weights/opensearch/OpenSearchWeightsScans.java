package io.modelregistry.projection.weights.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.WeightsScan;
import io.modelregistry.api.weights.WeightsScanRecord;
import io.modelregistry.api.weights.WeightsScans;
import io.modelregistry.api.weights.WeightsScansWriter;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The weights-scan read model in one OpenSearch index, one document per scanned package ({@code _id}
 * {@code artifactId:packageDigest}); the scan itself is kept as its JSON text (not indexed: it is only ever read
 * back by id). A scan and an override each update only their own fields, so a redelivered registration keeps an
 * override. Reads are real-time gets by id; writes are refreshed before they return.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
public class OpenSearchWeightsScans implements WeightsScans, WeightsScansWriter {

    static final String READ_MODEL = "weights-scans";
    private static final int RETRIES_ON_CONFLICT = 3;

    private final OpenSearchIndex index;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public OpenSearchWeightsScans(OpenSearchIndices indices) {
        this.index = indices.register(IndexDefinition.fromResource(READ_MODEL, OpenSearchWeightsScans.class,
                READ_MODEL + ".json"));
    }

    /** The stored document; the override's fields are null while there is none. */
    record ScanDocument(String artifactId, String packageDigest, String version, String scanJson, String overrideBy,
                        Instant overrideAt, String overrideReason) {
    }

    private static String id(String artifactId, String packageDigest) {
        return artifactId + ":" + packageDigest;
    }

    @Override
    public Optional<WeightsScanRecord> scan(String artifactId, String packageDigest) {
        return index.get(id(artifactId, packageDigest), ScanDocument.class).filter(d -> d.scanJson() != null)
                .map(d -> new WeightsScanRecord(d.artifactId(), d.packageDigest(), d.version(), read(d.scanJson()),
                        d.overrideBy() == null ? null
                                : new WeightsScanRecord.Override(d.overrideBy(), d.overrideAt(), d.overrideReason())));
    }

    @Override
    public void scanned(String artifactId, String packageDigest, String version, WeightsScan scan) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("artifactId", artifactId);
        fields.put("packageDigest", packageDigest);
        fields.put("version", version);
        fields.put("scanJson", write(scan));
        update(id(artifactId, packageDigest), fields, fields);
    }

    @Override
    public void override(String artifactId, String packageDigest, WeightsScanRecord.Override override) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("artifactId", artifactId);
        fields.put("packageDigest", packageDigest);
        fields.put("overrideBy", override == null ? null : override.by());
        fields.put("overrideAt", override == null ? null : override.at());
        fields.put("overrideReason", override == null ? null : override.reason());
        update(id(artifactId, packageDigest), fields, fields);
    }

    @Override
    public void delete(String artifactId) {
        IndexQueries.deleteMatching(index, Query.of(q -> q.term(t -> t.field("artifactId")
                .value(FieldValue.of(artifactId)))));
    }

    @Override
    public void deleteAll() {
        index.recreate();
    }

    private void update(String id, Map<String, Object> fields, Map<String, Object> absent) {
        index.bulk(List.of(BulkOperation.of(b -> b.update(u -> u.id(id).retryOnConflict(RETRIES_ON_CONFLICT)
                .document(fields).upsert(absent)))), Refresh.True);
    }

    private String write(WeightsScan scan) {
        try {
            return json.writeValueAsString(scan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a weights scan", e);
        }
    }

    private WeightsScan read(String text) {
        try {
            return json.readValue(text, WeightsScan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored weights scan is not readable", e);
        }
    }
}
