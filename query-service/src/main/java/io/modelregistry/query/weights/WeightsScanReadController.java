package io.modelregistry.query.weights;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.api.weights.WeightsScanRecord;
import io.modelregistry.api.weights.WeightsScans;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extension: what the scan of a model version's pickle-based weights files found ({@code GET
 * /artifact/model/{id}/weights-scan}, the latest version unless {@code ?version=}), whether its download is refused
 * for it, and an administrator's override if any.
 */
@RestController
class WeightsScanReadController {

    private final ArtifactDirectory directory;
    private final WeightsScans scans;

    WeightsScanReadController(ArtifactDirectory directory, WeightsScans scans) {
        this.directory = directory;
        this.scans = scans;
    }

    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/model/{id}/weights-scan", produces = "application/json")
    Map<String, Object> scan(@PathVariable("id") String idParam,
                             @RequestParam(name = "version", required = false) String version) {
        String id = ArtifactIdentifiers.id(idParam);
        // a version that is no semantic version is a 400 naming it, as on every ?version= of the registry
        String wanted = version == null ? null : SemanticVersions.normalise(version);
        ArtifactRecord model = (wanted == null ? directory.find(id) : directory.find(id, wanted))
                .filter(r -> r.type() == ArtifactType.MODEL)
                .orElseThrow(() -> ErrorMessage.WEIGHTS_NO_MODEL_WITH_ID_VERSION.exception(id, (wanted == null ? "" : " and version " + wanted)));
        return WeightsScanRecord.body(model.id(), model.name(), model.version(), model.packageDigest(),
                scans.scan(model.id(), model.packageDigest()).orElse(null));
    }
}
