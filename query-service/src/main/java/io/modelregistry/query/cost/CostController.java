package io.modelregistry.query.cost;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.projection.lineage.LineageReadModel;
import io.modelregistry.query.param.BooleanParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /artifact/{artifact_type}/{id}/cost[?dependency=true]}: download size in MB (10^6 bytes) of the
 * source as its listing declares it (every file, also those not kept in the stored bundle); the stored bundle's
 * size when the listing declares nothing. Dependencies are the registered parent models, linked datasets and
 * linked code, transitively.
 */
@RestController
class CostController {

    private final ArtifactDirectory directory;
    private final LineageReadModel lineage;

    CostController(ArtifactDirectory directory, LineageReadModel lineage) {
        this.directory = directory;
        this.lineage = lineage;
    }

    /** The latest version's cost (what the contract asks for). */
    Map<String, Map<String, Double>> cost(String typeParam, String idParam, String dependency) {
        return cost(typeParam, idParam, dependency, null);
    }

    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/{artifact_type}/{id}/cost", produces = "application/json")
    Map<String, Map<String, Double>> cost(@PathVariable("artifact_type") String typeParam,
                                          @PathVariable("id") String idParam,
                                          @RequestParam(name = "dependency", required = false) String dependency,
                                          @RequestParam(name = "version", required = false) String versionParam) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        String id = ArtifactIdentifiers.id(idParam);
        boolean withDependencies = BooleanParameter.parse("dependency", dependency, false);
        ArtifactRecord root = directory.find(type, id).orElseThrow(() ->
                ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.exception(type.wireName(), id));
        if (versionParam != null) {
            // extension: that version's own size (its dependencies are the artifact's, as lineage declares them)
            String version = SemanticVersions.normalise(versionParam);
            root = directory.find(id, version).orElseThrow(() -> ErrorMessage.ARTIFACT_NO_SUCH_VERSION.exception(type.wireName(), id, version));
        }
        CostCalculator calculator = new CostCalculator(new RegistryCostInputs(root));
        Map<String, ArtifactCost> costs = withDependencies ? calculator.withDependencies(id) : calculator.standalone(id);
        return view(costs);
    }

    private static Map<String, Map<String, Double>> view(Map<String, ArtifactCost> costs) {
        Map<String, Map<String, Double>> body = new LinkedHashMap<>();
        costs.forEach((id, cost) -> {
            Map<String, Double> entry = new LinkedHashMap<>();
            if (cost.standaloneMb() != null) {
                entry.put("standalone_cost", cost.standaloneMb());
            }
            entry.put("total_cost", cost.totalMb());
            body.put(id, entry);
        });
        return body;
    }

    /** Sizes from the directory, dependencies from the lineage read model. */
    private final class RegistryCostInputs implements CostInputs {

        private final ArtifactRecord root;

        RegistryCostInputs(ArtifactRecord root) {
            this.root = root;
        }

        @Override
        public OptionalLong bytes(String artifactId) {
            Optional<ArtifactRecord> record = artifactId.equals(root.id()) ? Optional.of(root)
                    : directory.find(artifactId);
            return record.map(CostController::downloadBytes).map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
        }

        @Override
        public List<String> dependencies(String artifactId) {
            return lineage.dependencies(artifactId);
        }
    }

    static long downloadBytes(ArtifactRecord record) {
        return record.declaredBytes() > 0 ? record.declaredBytes() : record.bundleBytes();
    }
}
