package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.ArtifactSummary;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trigram prefilter must never lose a match: for many patterns over a random corpus, the indexed search
 * returns exactly what matching every name and README with RE2 returns.
 */
class PrefilterPropertyTest {

    private static final List<String> WORDS = List.of("bert", "base", "abc", "cab", "xab", "bookcorpus", "a-b",
            "ca.b", "model", "\n", " ", "aaa", "bcx", "x_x", "ab ab", "tiny", "-", ".");

    @TempDir
    Path dataDir;

    @Test
    void prefilteredSearchEqualsBruteForce() {
        Random random = new Random(42);
        RandomRegex regexes = new RandomRegex(7);
        Map<String, String[]> corpus = new LinkedHashMap<>();   // id -> {name, readme}, registration order
        try (SearchFixture fixture = new SearchFixture(dataDir)) {
            for (int i = 0; i < 400; i++) {
                String name = words(random, 1 + random.nextInt(3)) + i;
                String readme = random.nextInt(8) == 0 ? null
                        : random.nextBoolean() ? words(random, random.nextInt(60)) : regexes.text(300);
                String id = fixture.register(name, ArtifactType.MODEL, readme);
                corpus.put(id, new String[] {name, readme});
                if (i % 97 == 0) {
                    fixture.index().commitIfChanged();   // several segments
                }
            }
            List<String> ids = new ArrayList<>(corpus.keySet());
            for (int i = 0; i < 40; i++) {   // updates keep order, deletes leave holes
                String id = ids.get(random.nextInt(ids.size()));
                String[] entry = corpus.get(id);
                if (entry == null) {
                    continue;
                }
                if (i % 2 == 0) {
                    String readme = words(random, random.nextInt(40));
                    fixture.update(id, entry[0], ArtifactType.MODEL, readme);
                    corpus.put(id, new String[] {entry[0], readme});
                } else {
                    fixture.delete(id, entry[0], ArtifactType.MODEL);
                    corpus.remove(id);
                }
            }

            List<String> patterns = new ArrayList<>(List.of("bert", ".*bookcorpus.*", "ca\\.b", "(abc|bcx)+",
                    "[Bb]ert|tiny$", "a-b c", "\\Qab ab\\E", "x_x(?s).*cab", "colou?r", "(?i)BERT", "ab{2}",
                    "aaa\\n", "^$", ".*", "e"));
            for (int i = 0; i < 600; i++) {
                patterns.add(i % 3 == 0 ? words(random, 1 + random.nextInt(3)) : regexes.pattern());
            }

            int compared = 0;
            int nonEmpty = 0;
            for (String regex : patterns) {
                Pattern pattern;
                try {
                    pattern = Pattern.compile(regex);
                } catch (PatternSyntaxException invalid) {
                    continue;
                }
                List<String> expected = new ArrayList<>();
                corpus.forEach((id, entry) -> {
                    if (pattern.matcher(entry[0]).find() || (entry[1] != null && pattern.matcher(entry[1]).find())) {
                        expected.add(id);
                    }
                });
                List<String> actual;
                try {
                    actual = fixture.search().byRegex(regex, 10_000).stream().map(ArtifactSummary::id).toList();
                } catch (RegistryException tooExpensive) {
                    continue;   // a pattern the guard refuses is not a lost match
                }
                assertThat(actual).as("byRegex(%s)", regex).isEqualTo(expected);
                compared++;
                if (!expected.isEmpty() && expected.size() < corpus.size()) {
                    nonEmpty++;
                }
            }
            assertThat(compared).isGreaterThan(400);
            assertThat(nonEmpty).isGreaterThan(100);
        }
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.toString();
    }
}
