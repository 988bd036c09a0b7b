package io.modelregistry.query.cost;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.query.download.PackageAspects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /artifact/{artifact_type}/{id}/cost/aspects} (extension): the cost of the full package and of each
 * aspect in bytes, exactly: what the source's listing declares, what the registry stores, and the length of the
 * zip {@code /download/{id}?aspect=...} sends (the same {@link PackageAspects} lays out both). The contract's
 * {@code /cost} is unchanged (MB of the declared size); this is a path of its own so the contract's response
 * keeps exactly its shape.
 */
@RestController
class AspectCostController {

    private final ArtifactDirectory directory;
    private final PackageAspects aspects;

    AspectCostController(ArtifactDirectory directory, PackageAspects aspects) {
        this.directory = directory;
        this.aspects = aspects;
    }

    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/{artifact_type}/{id}/cost/aspects", produces = "application/json")
    Map<String, Object> aspects(@PathVariable("artifact_type") String typeParam, @PathVariable("id") String idParam) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        String id = ArtifactIdentifiers.id(idParam);
        ArtifactRecord record = directory.find(type, id).orElseThrow(() ->
                ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.exception(type.wireName(), id));
        PackageAspects.Sizes sizes = aspects.sizes(record);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("artifact_id", id);
        body.put("full", part(sizes.full()));
        Map<String, Object> byAspect = new LinkedHashMap<>();
        for (Aspect aspect : Aspect.values()) {
            PackageAspects.Part part = sizes.aspects().get(aspect);
            if (part == null) {
                continue;
            }
            Map<String, Object> view = part(part);
            if (aspect == Aspect.DATASETS) {
                List<Map<String, Object>> linked = new ArrayList<>();
                for (PackageAspects.LinkedDataset dataset : sizes.linkedDatasets()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("artifact_id", dataset.id());
                    entry.put("name", dataset.name());
                    entry.put("folder", dataset.folder());
                    entry.put("declared_bytes", dataset.declaredBytes());
                    entry.put("stored_bytes", dataset.storedBytes());
                    linked.add(entry);
                }
                view.put("linked_datasets", linked);
            }
            byAspect.put(aspect.wireName(), view);
        }
        body.put("aspects", byAspect);
        return body;
    }

    private static Map<String, Object> part(PackageAspects.Part part) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("declared_bytes", part.declaredBytes());
        view.put("stored_bytes", part.storedBytes());
        view.put("download_bytes", part.downloadBytes());
        view.put("files", part.files());
        return view;
    }
}
