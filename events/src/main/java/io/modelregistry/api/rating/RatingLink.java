package io.modelregistry.api.rating;

/**
 * One dataset or code repository a rating used, and where the rating found it.
 *
 * @param kind       {@code dataset} or {@code code}
 * @param target     the name as the model's card wrote it ({@code imagenet-1k}, {@code mv-lab/swin2sr}, {@code fair_face})
 * @param artifactId the registered artifact it was matched to, or null when it came from the hub (or nowhere)
 * @param via        {@link #REGISTRY_SOURCE_ID}, {@link #REGISTRY_NAME}, {@link #REGISTRY_NAME_VARIANT} (the
 *                   name is a family of which the registered artifact is the one variant here: {@code ImageNet}
 *                   for {@code imagenet-1k}), {@link #CARD_MENTION} (a name in the card's prose that a registered
 *                   artifact carries) or {@link #HUB}
 * @param reachable  whether the rating had evidence about it (a registered artifact always is)
 */
public record RatingLink(String kind, String target, String artifactId, String via, boolean reachable) {

    public static final String REGISTRY_SOURCE_ID = "registry_source_id";
    public static final String REGISTRY_NAME = "registry_name";
    public static final String REGISTRY_NAME_VARIANT = "registry_name_variant";
    public static final String CARD_MENTION = "card_mention";
    public static final String HUB = "hub";
}
