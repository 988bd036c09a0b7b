package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.projection.search.SmokeCorpus;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 artifacts with 2-10 KB READMEs: prints p50/p99 latencies of regex searches and listings. The
 * assertions are deliberately generous (a shared 2-core machine must not make this flaky); the printed
 * numbers are what to look at.
 */
class SearchSmokeBenchmark {

    private static final int ARTIFACTS = 10_000;

    @TempDir
    Path dataDir;

    @Test
    void tenThousandArtifacts() {
        SmokeCorpus corpus = new SmokeCorpus(11);
        try (SearchIndex index = new SearchIndex(dataDir)) {
            LuceneArtifactSearch search = new LuceneArtifactSearch(index, Duration.ofSeconds(30));
            long start = System.nanoTime();
            long readmeBytes = 0;
            for (int i = 0; i < ARTIFACTS; i++) {
                String name = corpus.name(i);
                String readme = corpus.readme(i);
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
                SmokeCorpus.Timing timing = SmokeCorpus.measure(50, () -> search.byRegex(pattern, ARTIFACTS).size());
                report.add(timing.line("byRegex " + pattern));
                assertThat(timing.percentile(99)).as(pattern).isLessThan(Duration.ofSeconds(1).toNanos());
            }
            // no usable literal and few names match: every README is verified (the known slow path)
            for (String pattern : List.of("(a+)+$", "\\d{3}-\\d{4}")) {
                report.add(SmokeCorpus.measure(1, () -> search.byRegex(pattern, ARTIFACTS).size())
                        .line("byRegex " + pattern + " (full README scan, 1 run)"));
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
                SmokeCorpus.Timing timing = SmokeCorpus.measure(50, () -> search.list(queries, offset, 100).items().size());
                report.add(timing.line((String) listing[0]));
                assertThat(timing.percentile(99)).isLessThan(Duration.ofSeconds(1).toNanos());
            }
            report.add(SmokeCorpus.measure(50, () -> search.byName("google-research-bert").size())
                    .line("byName google-research-bert"));
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
}
