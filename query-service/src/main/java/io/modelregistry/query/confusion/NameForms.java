package io.modelregistry.query.confusion;

import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The normalised views of one package name that the classifier compares and the blocking keys are made of: letter
 * case folded, delimiters unified or dropped, Unicode and ASCII look-alikes folded to one skeleton, version digits
 * dropped, British spellings folded to American, and a phonetic key.
 */
final class NameForms {

    /** Longer names are still compared, but get no one-deletion keys (their number grows with the length). */
    static final int MAX_TYPO_KEY_LENGTH = 64;

    private static final Pattern DELIMITERS = Pattern.compile("[-_.\\s/]+");
    private static final Pattern LETTER_DIGIT_DELIMITER = Pattern.compile("(?<=\\p{L})[-_.]+(?=\\d)|(?<=\\d)[-_.]+(?=\\p{L})");
    private static final Pattern VERSION_PARTS = Pattern.compile("v?\\d+");
    private static final ThreadLocal<SpoofChecker> SPOOF = ThreadLocal.withInitial(() -> new SpoofChecker.Builder().build());
    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

    /** Whole-word British/American pairs the suffix rules below do not reach. */
    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("grey", "gray"), Map.entry("licence", "license"), Map.entry("defence", "defense"),
            Map.entry("offence", "offense"), Map.entry("catalogue", "catalog"), Map.entry("dialogue", "dialog"),
            Map.entry("programme", "program"), Map.entry("aluminium", "aluminum"), Map.entry("cheque", "check"),
            Map.entry("tyre", "tire"), Map.entry("plough", "plow"), Map.entry("judgement", "judgment"),
            Map.entry("mould", "mold"), Map.entry("maths", "math"), Map.entry("artefact", "artifact"));

    final String raw;
    final String lower;
    final String unifiedDelimiters;
    final String compact;
    final String versionGlued;
    final String skeleton;
    final String versionless;
    final List<String> tokens;
    final List<String> spellingTokens;
    final String phonetic;

    private NameForms(String raw) {
        this.raw = raw;
        this.lower = raw.toLowerCase(Locale.ROOT);
        this.unifiedDelimiters = DELIMITERS.matcher(lower).replaceAll("-");
        this.compact = DELIMITERS.matcher(lower).replaceAll("");
        this.versionGlued = DELIMITERS.matcher(LETTER_DIGIT_DELIMITER.matcher(lower).replaceAll("")).replaceAll("-");
        this.skeleton = skeletonOf(DELIMITERS.matcher(raw).replaceAll(""));
        this.tokens = List.of(Arrays.stream(DELIMITERS.split(lower)).filter(t -> !t.isEmpty()).toArray(String[]::new));
        this.versionless = VERSION_PARTS.matcher(String.join("", tokens)).replaceAll("");
        this.spellingTokens = tokens.stream().map(NameForms::american).toList();
        this.phonetic = phoneticOf(tokens);
    }

    static NameForms of(String name) {
        return new NameForms(name == null ? "" : name.strip());
    }

    /**
     * ICU's UTS #39 skeleton (Cyrillic {@code е} and Latin {@code e}, {@code 1}, {@code l} and {@code I}, {@code rn} and
     * {@code m} share one), taken before case folding (so a capital {@code I} still reads as {@code l}) and folded to
     * lower case after, because the skeleton of {@code 0} is {@code O}; {@code vv} for
     * {@code w} is the one ASCII look-alike the confusables table leaves out.
     */
    static String skeletonOf(String text) {
        String skeleton = SPOOF.get().getSkeleton(text).toLowerCase(Locale.ROOT);
        return skeleton.replace("vv", "w");
    }

    static String american(String token) {
        String whole = SPELLINGS.get(token);
        if (whole != null) {
            return whole;
        }
        if (token.length() < 5) {
            return token;
        }
        String t = token;
        t = replaceSuffix(t, "isation", "ization");
        t = replaceSuffix(t, "isations", "izations");
        t = replaceSuffix(t, "iser", "izer");
        t = replaceSuffix(t, "isers", "izers");
        t = replaceSuffix(t, "ised", "ized");
        t = replaceSuffix(t, "ise", "ize");
        t = replaceSuffix(t, "ising", "izing");
        t = replaceSuffix(t, "yse", "yze");
        t = replaceSuffix(t, "yser", "yzer");
        t = replaceSuffix(t, "ysers", "yzers");
        t = replaceSuffix(t, "ysed", "yzed");
        t = replaceSuffix(t, "ysing", "yzing");
        t = replaceSuffix(t, "our", "or");
        t = replaceSuffix(t, "ours", "ors");
        t = replaceSuffix(t, "tre", "ter");
        t = replaceSuffix(t, "tres", "ters");
        t = replaceSuffix(t, "lled", "led");
        t = replaceSuffix(t, "lling", "ling");
        t = replaceSuffix(t, "ogue", "og");
        return t;
    }

    private static String replaceSuffix(String token, String british, String american) {
        return token.endsWith(british) && token.length() > british.length() + 1
                ? token.substring(0, token.length() - british.length()) + american : token;
    }

    private static String phoneticOf(List<String> tokens) {
        List<String> parts = new ArrayList<>();
        for (String token : tokens) {
            String letters = token.replaceAll("[^a-z]", "");
            String digits = token.replaceAll("[^0-9]", "");
            String code = letters.isEmpty() ? "" : METAPHONE.get().doubleMetaphone(letters);
            parts.add((code == null ? "" : code) + digits);
        }
        return String.join("-", parts);
    }

    /** The name with one character deleted at each position (and the name itself): two names within one
     * Damerau-Levenshtein step of each other always share one of these (SymSpell's observation). */
    List<String> oneDeletions() {
        if (compact.length() > MAX_TYPO_KEY_LENGTH || compact.length() < ConfusionClassifier.MIN_TYPO_LENGTH - 1) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(compact.length() + 1);
        keys.add(compact);
        for (int i = 0; i < compact.length(); i++) {
            keys.add(compact.substring(0, i) + compact.substring(i + 1));
        }
        return keys;
    }

    /** The token sequence with one token left out, and with the first and last left out together. */
    List<String> shorterTokenSequences() {
        List<String> keys = new ArrayList<>();
        if (tokens.size() < 2) {
            return keys;
        }
        for (int i = 0; i < tokens.size(); i++) {
            List<String> rest = new ArrayList<>(tokens);
            rest.remove(i);
            keys.add(String.join("-", rest));
        }
        if (tokens.size() >= 3) {
            keys.add(String.join("-", tokens.subList(1, tokens.size() - 1)));
        }
        return keys;
    }

    String tokenSequence() {
        return String.join("-", tokens);
    }

    String sortedTokens() {
        return String.join("-", tokens.stream().sorted().toList());
    }

    String sortedSpellingTokens() {
        return String.join("-", spellingTokens.stream().sorted().toList());
    }
}
