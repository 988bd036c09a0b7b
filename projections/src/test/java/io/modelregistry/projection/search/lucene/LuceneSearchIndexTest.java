package io.modelregistry.projection.search.lucene;

import static io.modelregistry.api.artifact.ArtifactType.CODE;
import static io.modelregistry.api.artifact.ArtifactType.DATASET;
import static io.modelregistry.api.artifact.ArtifactType.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.IndexStats;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.search.SearchPage;
import io.modelregistry.api.version.VersionRange;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the Lucene index has: a directory that outlives the process, commits that make writes durable, and a
 * position in the commit that recovery compares with the token store. What every adapter answers is in
 * {@code ArtifactSearchContract}, run on Lucene by {@link LuceneArtifactSearchContractTest}.
 */
class LuceneSearchIndexTest {

    @TempDir
    Path dataDir;

    private SearchFixture fixture;
    private ArtifactSearch search;

    @BeforeEach
    void open() {
        fixture = new SearchFixture(dataDir);
        search = fixture.search();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void reopeningKeepsDocumentsAndPosition() {
        String a = fixture.register("a", MODEL, "alpha readme");
        String b = fixture.register("b", DATASET, null);
        fixture.unrelatedEvent();
        long position = fixture.position();

        fixture.reopen();
        search = fixture.search();

        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of())), 0, 10))).containsExactly(a, b);
        assertThat(ids(search.byRegex("alpha", 10))).containsExactly(a);
        assertThat(search.stats().lastAppliedPosition()).isEqualTo(position);
        assertThat(fixture.index().atOpen().cleanShutdown()).isTrue();
        assertThat(fixture.index().atOpen().position()).isEqualTo(position);

        String c = fixture.register("c", CODE, null);   // order continues after the reopened ones
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of())), 0, 10))).containsExactly(a, b, c);
    }

    @Test
    void reopeningKeepsEveryVersion() {
        fixture.register("bert", "bert", MODEL, "masked language model", "1.0.0");
        fixture.addVersion("bert", "bert", MODEL, "an old card", "0.5.0");
        fixture.update("bert", "bert", MODEL, "replaced card");
        fixture.reopen();
        assertThat(ids(fixture.search().list(List.of(new NameQuery("*", Set.of(), VersionRange.parse("0.5.0"))), 0,
                10))).containsExactly("bert");
        assertThat(ids(fixture.search().byRegex("replaced", VersionRange.parse("1.0.0"), 10))).containsExactly("bert");
    }

    @Test
    void crashLosesUncommittedWritesAndSaysSo() throws Exception {
        fixture.register("committed", MODEL, null);
        fixture.index().commitIfChanged();
        long committed = fixture.position();
        fixture.register("lost", MODEL, null);
        assertThat(search.stats().lastAppliedPosition()).isEqualTo(committed);   // stats report what is durable

        fixture.index().abandon();
        SearchIndex reopened = new SearchIndex(dataDir);
        try {
            assertThat(reopened.atOpen().cleanShutdown()).isFalse();
            assertThat(reopened.atOpen().position()).isEqualTo(committed);
            assertThat(reopened.atOpen().documents()).isEqualTo(1);
        } finally {
            reopened.close();
        }
        fixture = new SearchFixture(dataDir);   // for @AfterEach
    }

    @Test
    void statsDescribeTheIndexOnDiskAndItsDurablePosition() {
        assertThat(search.stats().lastWriteAt()).isNull();
        assertThat(search.stats().lastAppliedPosition()).isEqualTo(-1);
        fixture.register("a", MODEL, "readme");
        fixture.index().commitIfChanged();

        IndexStats stats = search.stats();
        assertThat(stats.documents()).isEqualTo(1);
        assertThat(stats.lastWriteAt()).isNotNull();
        assertThat(stats.sizeBytes()).isPositive();
        assertThat(stats.lastAppliedPosition()).isEqualTo(fixture.position());
    }

    private static List<String> ids(SearchPage page) {
        return ids(page.items());
    }

    private static List<String> ids(List<ArtifactSummary> summaries) {
        return summaries.stream().map(ArtifactSummary::id).toList();
    }
}
