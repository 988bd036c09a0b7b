package io.modelregistry.projection.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.version.VersionRange;
import io.modelregistry.projection.search.SmokeCorpus;
import io.modelregistry.projection.search.opensearch.OpenSearchArtifactSearch;
import io.modelregistry.projection.search.opensearch.OpenSearchSearches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same 10,000 artifacts in the Lucene adapter and in the OpenSearch adapter (the test JVM's node), then the same
 * regex queries on both, interleaved round by round (the adapter that goes first alternates), so that a build running
 * beside this one on a shared machine slows both sides alike rather than whichever happened to run during it. Writes
 * {@code target/regex-search-benchmark.md}. Not a test: run on purpose with
 * {@code mvn -o -Pbenchmark verify -pl projections}.
 */
class RegexSearchBenchmark {

    private static final int ARTIFACTS = Integer.getInteger("benchmark.artifacts", 10_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 100);
    private static final int WARMUP = 10;
    private static final int LIMIT = 100;
    private static final String PHRASE = "trained on bookcorpus";

    @TempDir
    Path dataDir;

    /** A query of the set: the pattern, an optional version filter, and how many rounds it gets. */
    private record Query(String label, String pattern, String range, int rounds) {

        List<ArtifactSummary> run(ArtifactSearch search) {
            return search.byRegex(pattern, range == null ? null : VersionRange.parse(range), LIMIT);
        }
    }

    @Test
    void regexSearchOnLuceneAndOpenSearchSideBySide() throws IOException {
        List<Query> queries = List.of(
                new Query("name prefix", "model-0042.*", null, ROUNDS),
                new Query("exact name", "^model-09999$", null, ROUNDS),
                new Query("README phrase", PHRASE, null, ROUNDS),
                new Query("no match", "ece461rules", null, ROUNDS),
                new Query("no required trigram (scan, dense matches)", "(a|aa)*$", null, ROUNDS),
                new Query("no required trigram (scan, rare match)", "\\d{3}-\\d{4}", null, 3),
                new Query("phrase in version range ~1.5.0", "bookcorpus", "~1.5.0", ROUNDS));

        try (SearchIndex index = new SearchIndex(dataDir)) {
            LuceneArtifactSearch lucene = new LuceneArtifactSearch(index, Duration.ofSeconds(30));
            OpenSearchArtifactSearch opensearch = OpenSearchSearches.onTheTestNode("regex-bench");

            // as a replay writes: no refresh per write, one at the end (a blocking refresh on both)
            double luceneFill = fill(artifact -> index.register(artifact, position(artifact), false), () -> {
                index.refreshIfStale();
                index.commitIfChanged();
            });
            double openSearchFill = fill(artifact -> opensearch.register(artifact, position(artifact), false),
                    () -> opensearch.register(artifact(ARTIFACTS), OptionalLong.of(ARTIFACTS), true));
            index.register(artifact(ARTIFACTS), OptionalLong.of(ARTIFACTS), true);   // the same last document

            List<String> rows = new ArrayList<>();
            for (Query query : queries) {
                int luceneHits = query.run(lucene).size();
                int openSearchHits = query.run(opensearch).size();
                // the two adapters must answer alike, or the comparison is of two different questions
                assertThat(openSearchHits).as(query.label()).isEqualTo(luceneHits);
                for (int i = 0; i < Math.min(WARMUP, query.rounds() / 3); i++) {
                    query.run(lucene);
                    query.run(opensearch);
                }
                long[] a = new long[query.rounds()];
                long[] b = new long[query.rounds()];
                for (int round = 0; round < query.rounds(); round++) {
                    if (round % 2 == 0) {
                        a[round] = time(query, lucene);
                        b[round] = time(query, opensearch);
                    } else {
                        b[round] = time(query, opensearch);
                        a[round] = time(query, lucene);
                    }
                }
                rows.add(String.format(Locale.ROOT, "| %s | `%s`%s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.1f× |",
                        query.label(), query.pattern().replace("|", "\\|"),
                        query.range() == null ? "" : " in `" + query.range() + "`", luceneHits, query.rounds(),
                        ms(percentile(a, 50)), ms(percentile(a, 99)), ms(percentile(b, 50)), ms(percentile(b, 99)),
                        (double) percentile(b, 99) / Math.max(1, percentile(a, 99))));
            }

            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, "%d artifacts (%s), limit %d per query, up to %d warm-up runs, "
                    + "interleaved rounds; %s, %d cores%n%n", ARTIFACTS, "names model-NNNNN, 2-10 KB READMEs",
                    LIMIT, WARMUP, Instant.now(), Runtime.getRuntime().availableProcessors()));
            table.append("| query | pattern | hits | rounds | Lucene p50 ms | Lucene p99 ms | OpenSearch p50 ms "
                    + "| OpenSearch p99 ms | OpenSearch ÷ Lucene (p99) |\n");
            table.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            rows.forEach(row -> table.append(row).append('\n'));
            table.append(String.format(Locale.ROOT, "%nFill (%d registrations, no refresh per write, one refresh "
                    + "at the end): Lucene %.1f s (%.0f writes/s), OpenSearch %.1f s (%.0f writes/s)%n", ARTIFACTS,
                    luceneFill, ARTIFACTS / luceneFill, openSearchFill, ARTIFACTS / openSearchFill));
            Path out = Path.of("target", "regex-search-benchmark.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, table);
            System.out.println(table);
        }
    }

    private static OptionalLong position(IndexedArtifact artifact) {
        return OptionalLong.of(Long.parseLong(artifact.id().substring(3)));
    }

    /** Registers every artifact (the same corpus each call: same seed), then makes them visible; seconds taken. */
    private static double fill(Consumer<IndexedArtifact> register, Runnable makeVisible) {
        List<IndexedArtifact> corpus = corpus();
        long start = System.nanoTime();
        corpus.forEach(register);
        makeVisible.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<IndexedArtifact> corpus() {
        SmokeCorpus text = new SmokeCorpus(461);
        List<IndexedArtifact> artifacts = new ArrayList<>(ARTIFACTS);
        for (int i = 0; i < ARTIFACTS; i++) {
            // every hundredth README holds the phrase (SmokeCorpus: i % 100 == 3); the minor is the hundreds digit,
            // so the phrase's artifacts spread evenly over the ten minors and a one-minor range keeps a tenth of them
            artifacts.add(new IndexedArtifact("id-" + i, String.format(Locale.ROOT, "model-%05d", i),
                    ArtifactType.values()[i % 3], text.readme(i), List.of("1." + (i / 100) % 10 + ".0")));
        }
        return artifacts;
    }

    private static IndexedArtifact artifact(int i) {
        return new IndexedArtifact("id-" + i, "visibility-marker", ArtifactType.MODEL, "the last write", List.of("9.0.0"));
    }

    private static long time(Query query, ArtifactSearch search) {
        long start = System.nanoTime();
        query.run(search);
        return System.nanoTime() - start;
    }

    private static long percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
