package io.modelregistry.query.card;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.card.ArtifactCard;
import io.modelregistry.api.card.ArtifactCards;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.api.sensitive.SensitiveModels;
import io.modelregistry.hub.FrontMatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An artifact's card, read without touching its package: the README (Markdown, front matter included, as the source
 * wrote it), the card's metadata parsed from its YAML front matter, and what the page header shows — licence, task,
 * library and tags (from the card, then the hub's metadata). Looking at a card records no download, so a sensitive
 * model's README and card metadata are withheld ({@code readme_withheld}): they are its {@code card} aspect, which
 * reaches people only through a download its monitor program vetted and the download history recorded.
 */
@RestController
class CardController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArtifactCards cards;
    private final ArtifactDocumentStore documents;
    private final SensitiveModels sensitive;

    CardController(ArtifactCards cards, ArtifactDocumentStore documents, SensitiveModels sensitive) {
        this.cards = cards;
        this.documents = documents;
        this.sensitive = sensitive;
    }

    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifacts/{artifact_type}/{id}/card", produces = "application/json")
    Map<String, Object> card(@PathVariable("artifact_type") String typeParam, @PathVariable("id") String idParam,
                             @RequestParam(name = "version", required = false) String version) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        String id = ArtifactIdentifiers.id(idParam);
        if (version != null && (version.isBlank() || version.length() > 256)) {
            throw ErrorMessage.CARD_VERSION_MUST_SEMANTIC_VERSION.exception();
        }
        Optional<String> wanted = Optional.ofNullable(version).map(v -> v.startsWith("v") ? v.substring(1) : v);
        ArtifactCard card = cards.find(id, wanted).filter(c -> c.type() == type)
                .orElseThrow(() -> wanted.isPresent()
                        ? ErrorMessage.CARD_NO_SUCH_VERSION.exception(type.wireName(), id, wanted.get())
                        : ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.exception(type.wireName(), id));
        boolean withheld = sensitive.guard(card.artifactId()).filter(ModelGuard::sensitive).isPresent();
        String readme = withheld ? null : documents.text(card.documents().readme());
        FrontMatter front = readme == null ? null : FrontMatter.of(readme);
        JsonNode meta = front != null && front.parsed() ? front.metadata() : JSON.createObjectNode();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", card.artifactId());
        body.put("name", card.name());
        body.put("type", card.type().wireName());
        body.put("version", card.version());
        body.put("source_url", card.sourceUrl());
        body.put("source_kind", card.sourceKind());
        body.put("licence", card.licence());
        body.put("task", card.task());
        body.put("library", card.library());
        body.put("tags", card.tags());
        body.put("readme", readme);
        body.put("readme_withheld", withheld);
        body.put("card_metadata_state", front == null ? "ABSENT" : front.state().name());
        body.put("card_metadata", meta);
        return body;
    }
}
