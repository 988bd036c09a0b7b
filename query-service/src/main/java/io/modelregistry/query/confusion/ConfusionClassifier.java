package io.modelregistry.query.confusion;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * Decides which confusion category, if any, relates a suspect's name to a target's. One category per pair, tried
 * from the most specific (same name, look-alike glyphs) to the least (sounds alike), so a name that is both a
 * homograph and one edit away is reported as the homograph it is.
 */
final class ConfusionClassifier {

    /** Below this length one edit turns almost any name into another real name ({@code t5}/{@code t6}). */
    static final int MIN_TYPO_LENGTH = 4;

    /** Affixes that claim trust or recency; a name made by adding one of them is more suspicious than other additions. */
    static final Set<String> TRUST_AFFIXES = Set.of("official", "offical", "latest", "new", "v2", "v3", "pro", "hf",
            "huggingface", "fixed", "secure", "safe", "updated", "original", "real", "verified", "free", "plus", "final",
            "patched", "full", "the", "py", "dev", "beta");

    private static final DamerauLevenshteinDistance DAMERAU = new DamerauLevenshteinDistance();

    private ConfusionClassifier() {
    }

    static Optional<NameMatch> classify(String suspect, String target) {
        return classify(NameForms.of(suspect), NameForms.of(target));
    }

    static Optional<NameMatch> classify(NameForms s, NameForms t) {
        if (s.raw.isEmpty() || t.raw.isEmpty()) {
            return Optional.empty();
        }
        if (s.raw.equals(t.raw)) {
            return match(ConfusionCategory.SCOPE, "the same name under another owner", 0);
        }
        if (s.lower.equals(t.lower)) {
            return match(ConfusionCategory.HOMOGRAPH, "differs only in letter case", -1);
        }
        if (s.compact.equals(t.compact)) {
            if (s.versionGlued.equals(t.versionGlued) && !s.unifiedDelimiters.equals(t.unifiedDelimiters)) {
                return match(ConfusionCategory.VERSION, "moves a delimiter next to the version number ('"
                        + s.raw + "' for '" + t.raw + "')", -1);
            }
            return match(ConfusionCategory.DELIMITER, "differs only in delimiters ('-', '_', '.' or none)",
                    -1);
        }
        if (s.skeleton.equals(t.skeleton)) {
            return match(ConfusionCategory.HOMOGRAPH, "renders alike: both fold to the confusable skeleton '"
                    + t.skeleton + "' (" + lookAlikes(s.lower, t.lower) + ")", -1);
        }
        if (s.tokens.size() > 1 && s.sortedTokens().equals(t.sortedTokens())) {
            return match(ConfusionCategory.REORDER, "the same tokens in another order", -1);
        }
        if (s.sortedSpellingTokens().equals(t.sortedSpellingTokens())) {
            return match(ConfusionCategory.ALTERNATE_SPELLING, "an alternate (British/American) spelling of a token",
                    -1);
        }
        Optional<String> added = addedTokens(s.tokens, t.tokens);
        if (added.isPresent()) {
            boolean trust = List.of(added.get().split("-")).stream().anyMatch(TRUST_AFFIXES::contains);
            return Optional.of(new NameMatch(ConfusionCategory.AFFIX, "adds '" + added.get() + "' to the target's name"
                    + (trust ? ", a word that claims trust or recency" : ""), -1, trust));
        }
        Optional<String> glued = gluedAffix(s.compact, t.compact);
        if (glued.isPresent()) {
            return Optional.of(new NameMatch(ConfusionCategory.AFFIX, "glues '" + glued.get() + "' onto the target's name,"
                    + " a word that claims trust or recency", -1, true));
        }
        Optional<String> dropped = addedTokens(t.tokens, s.tokens);
        if (dropped.isPresent() && !dropped.get().contains("-") && s.tokens.size() >= 2) {
            return match(ConfusionCategory.SIMPLIFICATION, "drops the token '" + dropped.get() + "' from the target's name",
                    -1);
        }
        if (!s.versionless.isEmpty() && s.versionless.equals(t.versionless)) {
            return match(ConfusionCategory.VERSION, "changes or adds a version number ('" + s.raw + "' for '" + t.raw + "')",
                    -1);
        }
        int lengthGap = Math.abs(s.compact.length() - t.compact.length());
        int typo = lengthGap <= 1 || s.phonetic.equals(t.phonetic) ? distance(s.compact, t.compact) : Integer.MAX_VALUE;
        if (typo == 1 && Math.min(s.compact.length(), t.compact.length()) >= MIN_TYPO_LENGTH) {
            return match(ConfusionCategory.TYPO, "one keystroke away (" + typoKind(s.compact, t.compact) + ")", 1);
        }
        if (s.tokens.size() == t.tokens.size() && s.phonetic.equals(t.phonetic) && s.compact.length() >= MIN_TYPO_LENGTH
                && typo <= Math.max(2, t.compact.length() / 2)) {
            return match(ConfusionCategory.HOMOPHONE, "sounds alike: both have the Double Metaphone key '" + t.phonetic + "'",
                    typo);
        }
        return Optional.empty();
    }

    private static Optional<NameMatch> match(ConfusionCategory category, String detail, int distance) {
        return Optional.of(new NameMatch(category, detail, distance, false));
    }

    static int distance(String a, String b) {
        return DAMERAU.apply(a, b);
    }

    /**
     * The tokens {@code longer} adds to {@code shorter} when {@code shorter} is a contiguous run of {@code longer}
     * and at most two tokens were added (a prefix, a suffix, or both: {@code hf-bert-base-official}).
     */
    static Optional<String> addedTokens(List<String> longer, List<String> shorter) {
        int extra = longer.size() - shorter.size();
        if (shorter.isEmpty() || extra < 1 || extra > 2) {
            return Optional.empty();
        }
        for (int start = 0; start <= extra; start++) {
            if (longer.subList(start, start + shorter.size()).equals(shorter)) {
                List<String> added = new java.util.ArrayList<>(longer.subList(0, start));
                added.addAll(longer.subList(start + shorter.size(), longer.size()));
                return Optional.of(String.join("-", added));
            }
        }
        if (extra == 1) {
            for (int skip = 1; skip < longer.size() - 1; skip++) {
                List<String> rest = new java.util.ArrayList<>(longer);
                String removed = rest.remove(skip);
                if (rest.equals(shorter)) {
                    return Optional.of(removed);
                }
            }
        }
        return Optional.empty();
    }

    /** A trust word glued without a delimiter ({@code bertofficial}, {@code hfbert}). */
    static Optional<String> gluedAffix(String suspect, String target) {
        if (target.length() < MIN_TYPO_LENGTH || suspect.length() <= target.length()) {
            return Optional.empty();
        }
        if (suspect.startsWith(target) && TRUST_AFFIXES.contains(suspect.substring(target.length()))) {
            return Optional.of(suspect.substring(target.length()));
        }
        if (suspect.endsWith(target) && TRUST_AFFIXES.contains(suspect.substring(0, suspect.length() - target.length()))) {
            return Optional.of(suspect.substring(0, suspect.length() - target.length()));
        }
        return Optional.empty();
    }

    /** The known affixes removed from either end of a compact name, for the blocking keys. */
    static Set<String> withoutGluedAffixes(String compact) {
        Set<String> cores = new HashSet<>();
        for (String affix : TRUST_AFFIXES) {
            if (compact.length() > affix.length() + MIN_TYPO_LENGTH - 1) {
                if (compact.startsWith(affix)) {
                    cores.add(compact.substring(affix.length()));
                }
                if (compact.endsWith(affix)) {
                    cores.add(compact.substring(0, compact.length() - affix.length()));
                }
            }
        }
        return cores;
    }

    private static String typoKind(String s, String t) {
        if (s.length() > t.length()) {
            return "an inserted character";
        }
        if (s.length() < t.length()) {
            return "a deleted character";
        }
        int diffs = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != t.charAt(i)) {
                diffs++;
            }
        }
        return diffs == 2 ? "two adjacent characters swapped" : "a substituted character";
    }

    private static String lookAlikes(String s, String t) {
        int i = 0;
        while (i < s.length() && i < t.length() && s.charAt(i) == t.charAt(i)) {
            i++;
        }
        if (i >= s.length() || i >= t.length()) {
            return "look-alike characters";
        }
        int cs = s.codePointAt(i);
        int ct = t.codePointAt(i);
        return "first look-alike: '" + Character.toString(cs) + "' U+" + String.format("%04X", cs)
                + " where the target has '" + Character.toString(ct) + "'";
    }
}
