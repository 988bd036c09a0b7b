package io.modelregistry.hub.lineage;

import static io.modelregistry.api.lineage.DeclaredRelationship.MODEL;
import static io.modelregistry.api.lineage.DeclaredRelationship.SOURCE_CONFIG_JSON;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.hub.RepoIds;
import java.util.Iterator;
import java.util.Map;

/**
 * Relationships in a model's config.json: the checkpoint it was initialised from ({@code _name_or_path}), an
 * explicit {@code base_model}, and an adapter's {@code base_model_name_or_path} (PEFT configs carry
 * {@code peft_type}). Sub-configs of composite models ({@code text_config}, {@code encoder}, …) name the
 * checkpoints of their parts the same way. {@code model_type} names an architecture family, never a
 * repository, so it declares nothing.
 */
final class ConfigRelationships {

    private static final int MAX_SUB_CONFIGS = 32;

    private ConfigRelationships() {
    }

    static void collect(JsonNode config, RelationshipCollector out) {
        collectFields(config, "", out);
        int scanned = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext() && scanned < MAX_SUB_CONFIGS; ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject() && isSubConfig(field.getKey())) {
                scanned++;
                collectFields(field.getValue(), field.getKey() + ".", out);
            }
        }
    }

    private static void collectFields(JsonNode node, String prefix, RelationshipCollector out) {
        model(node, "_name_or_path", prefix, CardRelationships.BASE_MODEL, out);
        for (String value : CardRelationships.texts(node.get("base_model"))) {
            RepoIds.model(value).ifPresent(target -> out.add(target, MODEL, CardRelationships.BASE_MODEL,
                    SOURCE_CONFIG_JSON, "config.json " + prefix + "base_model: " + value));
        }
        String adapterRelation = node.hasNonNull("peft_type") ? "adapter_of" : CardRelationships.BASE_MODEL;
        model(node, "base_model_name_or_path", prefix, adapterRelation, out);
    }

    private static void model(JsonNode node, String field, String prefix, String relation, RelationshipCollector out) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual()) {
            RepoIds.model(value.asText()).ifPresent(target -> out.add(target, MODEL, relation, SOURCE_CONFIG_JSON,
                    "config.json " + prefix + field + ": " + value.asText()));
        }
    }

    private static boolean isSubConfig(String key) {
        return key.endsWith("_config") || key.equals("encoder") || key.equals("decoder");
    }
}
