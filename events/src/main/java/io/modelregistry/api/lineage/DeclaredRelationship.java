package io.modelregistry.api.lineage;

/**
 * One relationship a model's metadata declares, with the evidence it was read from.
 *
 * @param target       the related repository as written, normalised to a repo id ({@code google-bert/bert-base-uncased},
 *                     a legacy {@code bert-base-uncased}, or {@code owner/repo} for GitHub)
 * @param targetKind   {@code model}, {@code dataset} or {@code code}
 * @param relationship the target's role for this model: {@code base_model}, {@code fine_tuned_from},
 *                     {@code adapter_of}, {@code merged_from}, {@code quantized_from}, {@code distilled_from},
 *                     {@code trained_on}, {@code code_repository}
 * @param source       where it was found: {@code model_card} (YAML metadata), {@code config_json}, {@code readme_text},
 *                     or {@code readme_mention}: a name in the card's prose ("trained on ImageNet"), stored compact
 *                     ({@link TargetKeys#compactOf}), which links only when a registered artifact carries that name
 * @param evidence     which field or line, e.g. {@code config.json _name_or_path} or {@code README.md line 30}
 */
public record DeclaredRelationship(String target, String targetKind, String relationship, String source,
                                   String evidence) {

    public static final String MODEL = "model";
    public static final String DATASET = "dataset";
    public static final String CODE = "code";

    public static final String SOURCE_MODEL_CARD = "model_card";
    public static final String SOURCE_CONFIG_JSON = "config_json";
    public static final String SOURCE_README_TEXT = "readme_text";
    public static final String SOURCE_README_MENTION = "readme_mention";
}
