package io.modelregistry.hub.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactType;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads what a model's own documents say about where it comes from: model-card metadata first (README front
 * matter, or the hub's {@code cardData} when the README has none), then config.json, then the card's prose.
 * Pure: the same content always gives the same relationships, and nothing it reads can make it throw — a
 * document that does not parse is recorded as malformed, not raised.
 *
 * <p>Only models declare lineage; datasets and code are targets, so for them this returns empty.
 */
public class RelationshipExtractor {

    /** Documents above these sizes are not parsed (ingest bounds them already; this guards other callers). */
    static final int MAX_CONFIG_CHARS = 2_000_000;
    static final int MAX_README_CHARS = 4_000_000;

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml;

    public RelationshipExtractor() {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(20);   // no "billion laughs" through anchors
        limits.setNestingDepthLimit(64);
        limits.setCodePointLimit(1_000_000);
        this.yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(limits).build());
    }

    public Optional<DeclaredLineage> extract(ArtifactType type, ArtifactContent content) {
        if (type != ArtifactType.MODEL) {
            return Optional.empty();
        }
        ArtifactDocuments docs = content.docs() == null ? ArtifactDocuments.none() : content.docs();
        String self = content.source() == null ? null : content.source().repoId();
        RelationshipCollector out = new RelationshipCollector(self);

        ModelCard card = ModelCard.of(bounded(docs.readme(), MAX_README_CHARS), yaml);
        boolean cardMetadata = false;
        if (card.state() == ModelCard.State.PARSED) {
            CardRelationships.collect(card.metadata(), "README.md front matter", out);
            cardMetadata = true;
        } else {
            Optional<JsonNode> hubCard = hubCardData(docs.sourceMetadataJson());
            hubCard.ifPresent(node -> CardRelationships.collect(node, "hub cardData", out));
            cardMetadata = hubCard.isPresent();
        }

        Optional<JsonNode> config = object(bounded(docs.configJson(), MAX_CONFIG_CHARS));
        config.ifPresent(node -> ConfigRelationships.collect(node, out));

        ReadmeTextRelationships.collect(card, out);
        return Optional.of(new DeclaredLineage(out.relationships(), !cardMetadata && config.isEmpty()));
    }

    /** The hub's parsed card metadata inside its model-info response, when that response is available. */
    private Optional<JsonNode> hubCardData(String sourceMetadataJson) {
        return object(bounded(sourceMetadataJson, MAX_CONFIG_CHARS))
                .map(info -> info.get("cardData"))
                .filter(JsonNode::isObject);
    }

    private Optional<JsonNode> object(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() > max ? null : text;
    }
}
