package io.modelregistry.hub.lineage;

import static io.modelregistry.api.lineage.DeclaredRelationship.DATASET;
import static io.modelregistry.api.lineage.DeclaredRelationship.MODEL;
import static io.modelregistry.api.lineage.DeclaredRelationship.SOURCE_MODEL_CARD;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.hub.RepoIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Relationships in model-card metadata, as the hub defines them: {@code base_model} (a string or a list) with
 * an optional {@code base_model_relation}, and {@code datasets} (a string or a list).
 */
final class CardRelationships {

    static final String BASE_MODEL = "base_model";
    static final String TRAINED_ON = "trained_on";

    /** The hub's {@code base_model_relation} values, named as the role the base model plays. */
    private static final Map<String, String> RELATIONS = Map.of(
            "finetune", "fine_tuned_from",
            "adapter", "adapter_of",
            "merge", "merged_from",
            "quantized", "quantized_from");

    private static final int MAX_LIST = 32;

    private CardRelationships() {
    }

    /** @param where names the document in evidence, e.g. {@code README.md front matter} or {@code hub cardData} */
    static void collect(JsonNode card, String where, RelationshipCollector out) {
        JsonNode declared = card.get("base_model_relation");
        String relation = declared != null && declared.isTextual()
                ? RELATIONS.getOrDefault(declared.asText().strip().toLowerCase(Locale.ROOT), BASE_MODEL)
                : BASE_MODEL;
        String note = relation.equals(BASE_MODEL) ? "" : " (base_model_relation: " + declared.asText().strip() + ")";
        for (String value : texts(card.get("base_model"))) {
            RepoIds.model(value).ifPresent(target ->
                    out.add(target, MODEL, relation, SOURCE_MODEL_CARD, where + " base_model: " + value + note));
        }
        for (String value : texts(card.get("datasets"))) {
            RepoIds.dataset(value).ifPresent(target ->
                    out.add(target, DATASET, TRAINED_ON, SOURCE_MODEL_CARD, where + " datasets: " + value));
        }
    }

    /** A string, or the strings of a list (bounded); anything else declares nothing. */
    static List<String> texts(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (values.size() >= MAX_LIST) {
                    break;
                }
                if (item.isTextual()) {
                    values.add(item.asText());
                }
            }
        }
        return values;
    }
}
