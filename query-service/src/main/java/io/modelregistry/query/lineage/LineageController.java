package io.modelregistry.query.lineage;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.projection.lineage.LineageGraph;
import io.modelregistry.projection.lineage.LineageGraphs;
import io.modelregistry.projection.lineage.LineageOptions;
import io.modelregistry.projection.lineage.LineageReadModel;
import io.modelregistry.projection.timetravel.PastReadModels;
import io.modelregistry.projection.timetravel.TimeTravel;
import io.modelregistry.query.param.BooleanParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /artifact/model/{id}/lineage}: by default the registered models of the lineage, as the contract's
 * ArtifactLineageGraph. Extensions: {@code include_external=true} adds unregistered ancestors ({@code ext-} ids),
 * {@code include_data=true} adds linked datasets and code. A graph cut short by a bound says so in the
 * {@code Lineage-Truncated} header.
 */
@RestController
class LineageController {

    static final String TRUNCATED_HEADER = "Lineage-Truncated";

    private final LineageReadModel liveReadModel;
    private final LineageGraphs liveGraphs;
    private final TimeTravel timeTravel;

    LineageController(LineageReadModel readModel, LineageGraphs graphs, TimeTravel timeTravel) {
        this.liveReadModel = readModel;
        this.liveGraphs = graphs;
        this.timeTravel = timeTravel;
    }

    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/model/{id}/lineage", produces = "application/json")
    ResponseEntity<LineageView> lineage(@PathVariable("id") String idParam,
                                        @RequestParam(name = "include_external", required = false) String external,
                                        @RequestParam(name = "include_data", required = false) String data,
                                        @RequestParam(name = TimeTravel.PARAMETER, required = false) String asOf) {
        String id = ArtifactIdentifiers.id(idParam);
        PastReadModels past = asOf == null ? null : timeTravel.at(asOf);
        LineageReadModel readModel = past == null ? liveReadModel : past.lineage();
        LineageGraphs graphs = past == null ? liveGraphs : past.lineageGraphs();
        LineageOptions options = new LineageOptions(BooleanParameter.parse("include_external", external, false),
                BooleanParameter.parse("include_data", data, false));
        LineageArtifact model = readModel.artifact(id).filter(a -> a.type() == ArtifactType.MODEL)
                .orElseThrow(() -> ErrorMessage.ARTIFACT_NO_MODEL_WITH_ID.exception(id));
        if (model.metadataMalformed()) {
            throw ErrorMessage.LINEAGE_LINEAGE_MODEL_CANNOT_COMPUTED.exception(id);
        }
        LineageGraph graph = graphs.graph(id, options)
                .orElseThrow(() -> ErrorMessage.ARTIFACT_NO_MODEL_WITH_ID.exception(id));
        var response = ResponseEntity.ok();
        if (graph.truncated()) {
            response.header(TRUNCATED_HEADER, "true");
        }
        return response.body(LineageView.of(graph));
    }
}
