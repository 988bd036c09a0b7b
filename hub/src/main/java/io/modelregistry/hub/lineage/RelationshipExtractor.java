package io.modelregistry.hub.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.hub.FrontMatter;
import java.util.Optional;

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

    /** {@code documents} are the texts that {@code content} names by digest (read from the document store). */
    public Optional<DeclaredLineage> extract(ArtifactType type, ArtifactContent content, ArtifactDocuments documents) {
        if (type != ArtifactType.MODEL) {
            return Optional.empty();
        }
        ArtifactDocuments docs = documents == null ? ArtifactDocuments.none() : documents;
        String self = content.source() == null ? null : content.source().repoId();
        RelationshipCollector out = new RelationshipCollector(self);

        FrontMatter card = FrontMatter.of(bounded(docs.readme(), MAX_README_CHARS));
        boolean cardMetadata = false;
        if (card.parsed()) {
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
