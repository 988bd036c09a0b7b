package io.modelregistry.api.lineage;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case-insensitive keys a declared target is matched by: the whole id ({@code google-bert/bert-base-uncased}),
 * the id with its slash flattened ({@code google-research-bert}, how code is often named), and its last segment
 * ({@code bert-base-uncased}, the artifact name or the legacy id the hub redirects).
 */
public record TargetKeys(String key, String flat, String last) {

    /**
     * A name ending in a size or variant suffix set off by a separator: a count with its unit ({@code -1k},
     * {@code -21k}, {@code _100m}, {@code -3b}), a version ({@code -v2}, {@code _v1.5}) or a year ({@code -2017}).
     * A bare number is no such suffix ({@code resnet-50} is not a variant of "resnet", {@code cifar-10} not of
     * "cifar").
     */
    private static final Pattern VARIANT = Pattern.compile(
            "(.+?)[-_.\\s]+(?:\\d+[kmb]|v\\d+(?:\\.\\d+)?|(?:19|20)\\d{2})");
    /** Longer names are not examined for a variant suffix (the match is bounded, and no dataset is named so). */
    private static final int MAX_VARIANT_NAME = 256;

    public static TargetKeys of(String target) {
        String key = target.toLowerCase(Locale.ROOT);
        int slash = key.lastIndexOf('/');
        return new TargetKeys(key, key.replace('/', '-'), slash < 0 ? key : key.substring(slash + 1));
    }

    /**
     * The key without case and separators ({@code fair_face}, {@code Fair-Face} and {@code FairFace} all give
     * {@code fairface}; an owner keeps its slash): how a name a card writes loosely is matched to a registered one.
     */
    public String compact() {
        return compactOf(key);
    }

    public static String compactOf(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT).replaceAll("[-_.\\s]+", "");
    }

    /**
     * The compact form of a name without its variant suffix ({@code imagenet-1k} and {@code ImageNet_21k} give
     * {@code imagenet}, {@code squad_v2} gives {@code squad}), or null when the name has no such suffix or what
     * is left is shorter than 3 characters (or the name has an owner's slash): the key by which a family name a card writes ("trained on ImageNet")
     * finds the one registered variant of it.
     */
    public static String variantBaseOf(String name) {
        if (name == null || name.length() > MAX_VARIANT_NAME || name.indexOf('/') >= 0) {
            return null;
        }
        Matcher m = VARIANT.matcher(name.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        String base = compactOf(m.group(1));
        return base.length() < 3 ? null : base;
    }

    public boolean hasOwner() {
        return key.indexOf('/') >= 0;
    }

    public static String lastSegment(String repoId) {
        return repoId == null ? null : of(repoId).last();
    }
}
