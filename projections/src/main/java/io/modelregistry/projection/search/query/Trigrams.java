package io.modelregistry.projection.search.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The trigrams of a text as both search indices cut it: every run of three code points, case, whitespace and
 * punctuation kept, each distinct one once, in order of first appearance. Lucene's {@code NGramTokenizer(3, 3)}
 * (the embedded index's analyzer) and OpenSearch's {@code ngram} tokenizer with no {@code token_chars} (its index
 * mapping) produce exactly these, so a text containing a literal contains all of the literal's trigrams in either
 * index.
 */
public final class Trigrams {

    public static final int GRAM = 3;

    private Trigrams() {
    }

    public static List<String> of(String text) {
        int[] points = text.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int start = 0; start + GRAM <= points.length; start++) {
            grams.add(new String(points, start, GRAM));
        }
        return List.copyOf(grams);
    }
}
