package io.modelregistry.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a page header or a search result says about an artifact, read from its card's front matter first and the
 * hub's metadata second: licence, task ({@code pipeline_tag}), library and tags (each once, at most
 * {@value #MAX_TAGS}, without the hub's {@code license:} tags, which repeat the licence). One reading for the card
 * read model and the card endpoint alike.
 */
public record CardFacts(String licence, String task, String library, List<String> tags) {

    public static final int MAX_TAGS = 50;
    private static final int MAX_TAG_CHARS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    public CardFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * @param readme          the README with its front matter, or {@code null}
     * @param hubMetadataJson the hub's raw metadata answer, or {@code null}; malformed metadata only hides its fields
     * @param declaredLicence the licence ingest recorded, which wins when present
     */
    public static CardFacts of(String readme, String hubMetadataJson, String declaredLicence) {
        FrontMatter front = readme == null ? null : FrontMatter.of(readme);
        JsonNode meta = front != null && front.parsed() ? front.metadata() : JSON.createObjectNode();
        JsonNode hub = parse(hubMetadataJson);
        return new CardFacts(
                first(declaredLicence, meta.path("license"), hub.path("cardData").path("license")),
                first(null, meta.path("pipeline_tag"), hub.path("pipeline_tag")),
                first(null, meta.path("library_name"), hub.path("library_name")),
                tags(meta.path("tags"), hub.path("tags")));
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String first(String preferred, JsonNode... candidates) {
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return clip(candidate.asText());
            }
            if (candidate.isArray() && candidate.size() > 0 && candidate.get(0).isTextual()) {
                return clip(candidate.get(0).asText());
            }
        }
        return null;
    }

    private static List<String> tags(JsonNode... sources) {
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode source : sources) {
            List<JsonNode> items = new ArrayList<>();
            if (source.isArray()) {
                source.forEach(items::add);
            } else if (source.isTextual()) {
                items.add(source);
            }
            for (JsonNode tag : items) {
                String text = tag.isTextual() ? tag.asText().strip() : "";
                if (!text.isEmpty() && !text.startsWith("license:") && tags.size() < MAX_TAGS) {
                    tags.add(clip(text));
                }
            }
        }
        return new ArrayList<>(tags);
    }

    private static String clip(String text) {
        return text.length() > MAX_TAG_CHARS ? text.substring(0, MAX_TAG_CHARS) : text;
    }
}
