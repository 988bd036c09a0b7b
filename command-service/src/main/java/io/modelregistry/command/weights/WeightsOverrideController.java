package io.modelregistry.command.weights;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.api.weights.OverrideUnsafeWeights;
import io.modelregistry.api.weights.WeightsScanRecord;
import io.modelregistry.api.weights.WeightsScans;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extension, administrators only: allow downloads of a model version whose weights scan found dangerous imports
 * ({@code PUT /artifact/model/{id}/weights-scan/override}, optional JSON body {@code {"reason": "..."}}), or
 * withdraw that ({@code DELETE}). The override names the version's package digest, so it never covers other weights;
 * it is an event naming the administrator (the audit). Each answers once the read models have it, so the very next
 * download sees it.
 */
@RestController
class WeightsOverrideController {

    static final int MAX_REASON_CHARS = 1000;

    private final ArtifactDirectory directory;
    private final WeightsScans scans;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;

    WeightsOverrideController(ArtifactDirectory directory, WeightsScans scans, CommandGateway commands,
                              ReadModelBarrier readModels) {
        this.directory = directory;
        this.scans = scans;
        this.commands = commands;
        this.readModels = readModels;
    }

    @Requires(Access.ADMIN)
    @PutMapping(path = "/artifact/model/{id}/weights-scan/override", produces = "application/json")
    Map<String, Object> allow(@PathVariable("id") String idParam,
                              @RequestParam(name = "version", required = false) String version,
                              @RequestBody(required = false) Map<String, Object> body,
                              @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactRecord model = model(idParam, version);
        String reason = reason(body);
        WeightsScanRecord scan = scans.scan(model.id(), model.packageDigest()).orElse(null);
        if (scan == null || scan.scan() == null || !scan.scan().dangerous()) {
            throw ErrorMessage.WEIGHTS_VERSION_MODEL_DANGEROUS_WEIGHTS.exception(model.version(), model.id());
        }
        commands.sendAndWait(new OverrideUnsafeWeights(model.id(), model.name(), model.version(),
                model.packageDigest(), true, reason, actor));
        return answer(model);
    }

    @Requires(Access.ADMIN)
    @DeleteMapping(path = "/artifact/model/{id}/weights-scan/override", produces = "application/json")
    Map<String, Object> withdraw(@PathVariable("id") String idParam,
                                 @RequestParam(name = "version", required = false) String version,
                                 @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactRecord model = model(idParam, version);
        boolean overridden = scans.scan(model.id(), model.packageDigest()).map(WeightsScanRecord::override)
                .isPresent();
        if (!overridden) {
            throw ErrorMessage.WEIGHTS_VERSION_MODEL_OVERRIDE.exception(model.version(), model.id());
        }
        commands.sendAndWait(new OverrideUnsafeWeights(model.id(), model.name(), model.version(),
                model.packageDigest(), false, null, actor));
        return answer(model);
    }

    private Map<String, Object> answer(ArtifactRecord model) {
        readModels.awaitCaughtUp();
        return WeightsScanRecord.body(model.id(), model.name(), model.version(), model.packageDigest(),
                scans.scan(model.id(), model.packageDigest()).orElse(null));
    }

    private ArtifactRecord model(String idParam, String version) {
        String id = ArtifactIdentifiers.id(idParam);
        // a version that is no semantic version is a 400 naming it, as on every ?version= of the registry
        String wanted = version == null ? null : SemanticVersions.normalise(version);
        return (wanted == null ? directory.find(id) : directory.find(id, wanted))
                .filter(r -> r.type() == ArtifactType.MODEL)
                .orElseThrow(() -> ErrorMessage.WEIGHTS_NO_MODEL_WITH_ID_VERSION.exception(id, (wanted == null ? "" : " and version " + wanted)));
    }

    private static String reason(Map<String, Object> body) {
        Object reason = body == null ? null : body.get("reason");
        if (reason == null) {
            return null;
        }
        if (!(reason instanceof String text) || text.length() > MAX_REASON_CHARS
                || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw ErrorMessage.WEIGHTS_REASON_MUST_TEXT_MOST.exception(MAX_REASON_CHARS);
        }
        return text.isBlank() ? null : text.strip();
    }
}
