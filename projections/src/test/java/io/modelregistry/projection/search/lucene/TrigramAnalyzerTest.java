package io.modelregistry.projection.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.projection.search.query.Trigrams;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * The prefilter computes a literal's trigrams in plain Java ({@link Trigrams}); the index cuts READMEs with Lucene's
 * tokenizer. Were they to differ on any text, a README containing a literal could miss one of its trigrams and a
 * match would be lost, so they are compared on random text with surrogate pairs, whitespace and long runs.
 */
class TrigramAnalyzerTest {

    private static final String ALPHABET = "ab \n\t-.Ωé\uD83D\uDE00\uD834\uDD1E";

    @Test
    void theIndexAnalyzerAndThePrefilterCutEveryTextIntoTheSameTrigrams() throws IOException {
        Random random = new Random(3);
        try (TrigramAnalyzer analyzer = new TrigramAnalyzer()) {
            for (int i = 0; i < 500; i++) {
                StringBuilder text = new StringBuilder();
                int length = i < 10 ? i : random.nextInt(i % 50 == 0 ? 5_000 : 60);
                while (text.length() < length) {
                    int at = random.nextInt(ALPHABET.length());
                    char c = ALPHABET.charAt(at);
                    if (Character.isHighSurrogate(c)) {
                        text.append(c).append(ALPHABET.charAt(at + 1));
                    } else if (!Character.isLowSurrogate(c)) {
                        text.append(c);
                    }
                }
                assertThat(Trigrams.of(text.toString())).as("%s", text).isEqualTo(lucene(analyzer, text.toString()));
            }
        }
    }

    private static List<String> lucene(TrigramAnalyzer analyzer, String text) throws IOException {
        Set<String> grams = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(ArtifactFields.README_TRIGRAMS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                grams.add(term.toString());
            }
            stream.end();
        }
        return List.copyOf(grams);
    }
}
