package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.search.IndexedArtifact;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 artifacts with 2-10 KB READMEs: prints p50/p99 latencies of regex searches and listings. The
 * assertions are deliberately generous (a shared 2-core machine must not make this flaky); the printed
 * numbers are what to look at.
 */
class SearchSmokeTest {

    private static final int ARTIFACTS = 10_000;
    private static final String AAB = "a".repeat(95) + "b";

    @TempDir
    Path dataDir;

    @Test
    void tenThousandArtifacts() {
        Random random = new Random(11);
        String[] vocabulary = vocabulary(random, 4000);
        try (SearchIndex index = new SearchIndex(dataDir)) {
            LuceneArtifactSearch search = new LuceneArtifactSearch(index, Duration.ofSeconds(30));
            long start = System.nanoTime();
            long readmeBytes = 0;
            for (int i = 0; i < ARTIFACTS; i++) {
                String name = switch (i) {
                    case 17 -> "google-research-bert";
                    case 4242 -> "audience-classifier";
                    case 7777 -> AAB;
                    default -> vocabulary[zipf(random, 2000)] + "-" + vocabulary[random.nextInt(4000)] + "-" + i;
                };
                String readme = readme(random, vocabulary, 2_000 + random.nextInt(8_000), i % 100 == 3);
                readmeBytes += readme.length();
                ArtifactType type = ArtifactType.values()[i % 3];
                index.register(new IndexedArtifact("id-" + i, name, type, readme), OptionalLong.of(i), false);
            }
            index.refreshIfStale();
            index.commitIfChanged();
            System.out.printf(Locale.ROOT, "indexed %d artifacts, %.1f MB of README, in %.1f s; index %.1f MB%n",
                    ARTIFACTS, readmeBytes / 1e6, (System.nanoTime() - start) / 1e9,
                    index.stats().sizeBytes() / 1e6);

            long perWrite = timeVisibleWrites(index, 100);
            System.out.printf(Locale.ROOT, "one visible write (update + blocking refresh): %.2f ms on average%n",
                    perWrite / 1e6);

            List<String> report = new ArrayList<>();
            // regex patterns the prefilter narrows, or that every name matches (no README scan)
            for (String pattern : List.of("google-research-bert", "bert", ".*bookcorpus.*", ".*?(audience|bert).*",
                    "ece461rules", "(a|aa)*$", ".*", "[a-z]+", "licen[cs]e (MIT|Apache)", "^audience")) {
                Timing timing = measure(50, () -> search.byRegex(pattern, ARTIFACTS).size());
                report.add(line("byRegex " + pattern, timing));
                assertThat(percentile(timing.nanos(), 99)).as(pattern).isLessThan(Duration.ofSeconds(1).toNanos());
            }
            // no usable literal and few names match: every README is verified (the known slow path)
            for (String pattern : List.of("(a+)+$", "\\d{3}-\\d{4}")) {
                report.add(line("byRegex " + pattern + " (full README scan, 1 run)",
                        measure(1, () -> search.byRegex(pattern, ARTIFACTS).size())));
            }
            List<NameQuery> all = List.of(new NameQuery("*", Set.of()));
            List<NameQuery> models = List.of(new NameQuery("*", Set.of(ArtifactType.MODEL)));
            List<NameQuery> union = List.of(new NameQuery("google-research-bert", Set.of()),
                    new NameQuery("*", Set.of(ArtifactType.DATASET)));
            for (Object[] listing : new Object[][] {
                    {"list * first 100", all, 0}, {"list * offset 9900", all, 9_900},
                    {"list models offset 3000", models, 3_000}, {"list union offset 50", union, 50}}) {
                @SuppressWarnings("unchecked")
                List<NameQuery> queries = (List<NameQuery>) listing[1];
                int offset = (int) listing[2];
                Timing timing = measure(50, () -> search.list(queries, offset, 100).items().size());
                report.add(line((String) listing[0], timing));
                assertThat(percentile(timing.nanos(), 99)).isLessThan(Duration.ofSeconds(1).toNanos());
            }
            report.add(line("byName google-research-bert",
                    measure(50, () -> search.byName("google-research-bert").size())));
            report.forEach(System.out::println);

            assertThat(search.byRegex("google-research-bert", 10)).hasSize(1);
            assertThat(search.byRegex(".*bookcorpus.*", ARTIFACTS)).hasSize(ARTIFACTS / 100);
            assertThat(search.list(all, 0, 100).total()).isEqualTo(ARTIFACTS);
        }
    }

    /** Updates with a blocking refresh each, as the projection does outside replays. */
    private static long timeVisibleWrites(SearchIndex index, int writes) {
        long start = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            index.update(new IndexedArtifact("id-" + (100 * i + 50), "updated-" + i, ArtifactType.MODEL, "short readme " + i),
                    OptionalLong.of(ARTIFACTS + i), true);
        }
        return (System.nanoTime() - start) / writes;
    }

    private record Timing(long[] nanos, int hits) {
    }

    /** Runs the query (after a few warm-up runs when measuring many) and keeps the last hit count. */
    private static Timing measure(int runs, Supplier<Integer> query) {
        for (int i = 0; i < Math.min(runs - 1, 5); i++) {
            query.get();
        }
        long[] times = new long[runs];
        int hits = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            hits = query.get();
            times[i] = System.nanoTime() - start;
        }
        return new Timing(times, hits);
    }

    private static long percentile(long[] times, int p) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String line(String what, Timing timing) {
        return String.format(Locale.ROOT, "%-52s p50 %7.2f ms  p99 %7.2f ms  (%d runs, %d hits)", what,
                percentile(timing.nanos(), 50) / 1e6, percentile(timing.nanos(), 99) / 1e6, timing.nanos().length,
                timing.hits());
    }

    private static String[] vocabulary(Random random, int size) {
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            int length = 2 + random.nextInt(9);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = word.toString();
        }
        return words;
    }

    /** Roughly Zipf-distributed index: a few words are very common, most are rare, like prose. */
    private static int zipf(Random random, int size) {
        return (int) Math.min(size - 1, Math.floor(Math.pow(size, random.nextDouble())) - 1);
    }

    private static String readme(Random random, String[] vocabulary, int length, boolean mentionsBookcorpus) {
        StringBuilder text = new StringBuilder(length + 64);
        text.append("---\nlicense: apache-2.0\ntags:\n- ").append(vocabulary[random.nextInt(50)]).append("\n---\n# ");
        while (text.length() < length) {
            if (random.nextInt(40) == 0) {
                text.append("\n\n## ");
            }
            text.append(vocabulary[zipf(random, vocabulary.length)]);
            text.append(random.nextInt(12) == 0 ? ". " : " ");
        }
        if (mentionsBookcorpus) {
            text.insert(random.nextInt(text.length()), " trained on bookcorpus ");
        }
        return text.toString();
    }
}
