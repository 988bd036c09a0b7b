package io.modelregistry.projection.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.projection.search.SmokeCorpus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 2,000 artifacts with 2-10 KB READMEs on the test JVM's OpenSearch node: prints p50/p99 latencies of regex searches
 * (prefiltered, and the scan a pattern without a literal falls back to) and listings, and how many candidates each
 * regex read. Fewer artifacts than the Lucene smoke test, because every write is a request to the node. The
 * assertions are generous (a shared 2-core machine must not make this flaky); the printed numbers are what to look at.
 */
class OpenSearchSearchSmokeBenchmark {

    private static final int ARTIFACTS = 2_000;

    @Test
    void twoThousandArtifacts() {
        SmokeCorpus corpus = new SmokeCorpus(11);
        OpenSearchArtifactSearch search = new OpenSearchArtifactSearch(new OpenSearchIndices(OpenSearchNode.client(),
                OpenSearchNode.settings(OpenSearchNode.uniquePrefix("search-smoke"))), Duration.ofSeconds(30),
                OpenSearchArtifactSearch.CANDIDATE_PAGE, Clock.systemUTC());
        long start = System.nanoTime();
        long readmeBytes = 0;
        for (int i = 0; i < ARTIFACTS; i++) {
            String readme = corpus.readme(i);
            readmeBytes += readme.length();
            search.register(new IndexedArtifact("id-" + i, corpus.name(i), ArtifactType.values()[i % 3], readme),
                    OptionalLong.of(i), false);   // as a replay writes: no refresh per write
        }
        System.out.printf(Locale.ROOT, "indexed %d artifacts, %.1f MB of README, in %.1f s; index %.1f MB%n",
                ARTIFACTS, readmeBytes / 1e6, (System.nanoTime() - start) / 1e9, search.stats().sizeBytes() / 1e6);

        long writes = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            search.update(new IndexedArtifact("id-" + (40 * i + 7), "updated-" + i, ArtifactType.MODEL,
                    "short readme " + i), OptionalLong.of(ARTIFACTS + i), true);
        }
        System.out.printf(Locale.ROOT, "one visible write (get, index, refresh=true): %.2f ms on average%n",
                (System.nanoTime() - writes) / 50 / 1e6);

        List<String> report = new ArrayList<>();
        for (String pattern : List.of("google-research-bert", "bert", ".*bookcorpus.*", "ece461rules",
                "licen[cs]e (MIT|Apache)", "updated-4")) {
            SmokeCorpus.Timing timing = SmokeCorpus.measure(20, () -> search.byRegex(pattern, ARTIFACTS).size());
            report.add(timing.line("byRegex " + pattern) + "  " + candidates(search, pattern, ARTIFACTS));
            assertThat(timing.percentile(99)).as(pattern).isLessThan(Duration.ofSeconds(2).toNanos());
        }
        // no usable literal: the scan, stopped early by a small limit or reading everything for a rare match
        for (Object[] scan : new Object[][] {{"e", 10}, {".*", ARTIFACTS}, {"(a+)+$", ARTIFACTS},
                {"\\d{3}-\\d{4}", ARTIFACTS}}) {
            String pattern = (String) scan[0];
            int limit = (int) scan[1];
            report.add(SmokeCorpus.measure(limit == 10 ? 20 : 2, () -> search.byRegex(pattern, limit).size())
                    .line("byRegex " + pattern + " limit " + limit + " (scan)") + "  " + candidates(search, pattern, limit));
        }
        List<NameQuery> all = List.of(new NameQuery("*", Set.of()));
        List<NameQuery> models = List.of(new NameQuery("*", Set.of(ArtifactType.MODEL)));
        for (Object[] listing : new Object[][] {{"list * first 100", all, 0}, {"list * offset 1900", all, 1_900},
                {"list models offset 600", models, 600}}) {
            @SuppressWarnings("unchecked")
            List<NameQuery> queries = (List<NameQuery>) listing[1];
            int offset = (int) listing[2];
            SmokeCorpus.Timing timing = SmokeCorpus.measure(20, () -> search.list(queries, offset, 100).items().size());
            report.add(timing.line((String) listing[0]));
            assertThat(timing.percentile(99)).isLessThan(Duration.ofSeconds(2).toNanos());
        }
        report.add(SmokeCorpus.measure(20, () -> search.byName("google-research-bert").size())
                .line("byName google-research-bert"));
        report.forEach(System.out::println);

        assertThat(search.byRegex("google-research-bert", 10)).hasSize(1);
        assertThat(search.byRegex(".*bookcorpus.*", ARTIFACTS)).hasSize(ARTIFACTS / 100);
        assertThat(search.list(all, 0, 100).total()).isEqualTo(ARTIFACTS);
    }

    private static String candidates(OpenSearchArtifactSearch search, String pattern, int limit) {
        OpenSearchArtifactSearch.RegexResult result = search.find(
                io.modelregistry.projection.search.query.UserRegex.compile(pattern), null, limit,
                io.modelregistry.projection.search.query.SearchBudget.startingNow(Duration.ofSeconds(30)));
        return "read " + result.candidatesRead() + (result.prefiltered() ? " (prefiltered)" : " (scan)");
    }
}
