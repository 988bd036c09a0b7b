package io.modelregistry.api.lineage;

import java.util.Locale;

/**
 * The case-insensitive keys a declared target is matched by: the whole id ({@code google-bert/bert-base-uncased}),
 * the id with its slash flattened ({@code google-research-bert}, how code is often named), and its last segment
 * ({@code bert-base-uncased}, the artifact name or the legacy id the hub redirects).
 */
public record TargetKeys(String key, String flat, String last) {

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

    public boolean hasOwner() {
        return key.indexOf('/') >= 0;
    }

    public static String lastSegment(String repoId) {
        return repoId == null ? null : of(repoId).last();
    }
}
