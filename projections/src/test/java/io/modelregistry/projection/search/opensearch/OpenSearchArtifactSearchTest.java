package io.modelregistry.projection.search.opensearch;

import static io.modelregistry.api.artifact.ArtifactType.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.IndexStats;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.projection.opensearch.OpenSearchSettings;
import io.modelregistry.projection.search.SearchFeed;
import io.modelregistry.projection.search.query.SearchBudget;
import io.modelregistry.projection.search.query.UserRegex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the OpenSearch adapter must do beyond the contract: a regex with a required literal reads only the artifacts
 * that have its trigrams (never every document), one without reads in registration order only until the limit or the
 * budget, and a second node on the same index sees every write the moment it was acknowledged.
 */
class OpenSearchArtifactSearchTest {

    private static final Duration BUDGET = Duration.ofSeconds(30);
    private static OpenSearchSettings settings;
    private static OpenSearchArtifactSearch node;

    private SearchFeed feed;

    @BeforeAll
    static void openIndex() {
        settings = OpenSearchNode.settings(OpenSearchNode.uniquePrefix("search-adapter"));
        node = new OpenSearchArtifactSearch(new OpenSearchIndices(OpenSearchNode.client(), settings), BUDGET, 10,
                Clock.systemUTC());
    }

    @BeforeEach
    void empty() {
        node.clear();
        feed = new SearchFeed(node);
    }

    /** 120 artifacts; every tenth one's README, and one name, mention bookcorpus. */
    private List<String> corpus() {
        for (int i = 0; i < 120; i++) {
            String readme = i % 10 == 3 ? "pretrained on bookcorpus, part " + i : "a model card, number " + i;
            feed.register(i == 50 ? "bookcorpus-mirror" : "model-" + i, MODEL, readme);
        }
        return node.byRegex("bookcorpus", 1000).stream().map(ArtifactSummary::id).toList();
    }

    @Test
    void aRequiredLiteralReadsOnlyTheArtifactsThatHaveItsTrigrams() {
        List<String> hits = corpus();
        assertThat(hits).hasSize(13).contains("id-51");

        OpenSearchArtifactSearch.RegexResult found = node.find(UserRegex.compile("book(corpus|s)"), null, 1000,
                SearchBudget.startingNow(BUDGET));
        assertThat(found.prefiltered()).isTrue();
        assertThat(found.hits()).extracting(ArtifactSummary::id).isEqualTo(hits);
        assertThat(found.candidatesRead()).isEqualTo(13);

        OpenSearchArtifactSearch.RegexResult none = node.find(UserRegex.compile("ece461rules"), null, 1000,
                SearchBudget.startingNow(BUDGET));
        assertThat(none.hits()).isEmpty();
        assertThat(none.candidatesRead()).isZero();
    }

    @Test
    void aPatternWithoutALiteralIsVerifiedInRegistrationOrderOnlyUntilTheLimit() {
        corpus();
        OpenSearchArtifactSearch.RegexResult first = node.find(UserRegex.compile("[0-9]$"), null, 3,
                SearchBudget.startingNow(BUDGET));
        assertThat(first.prefiltered()).isFalse();
        assertThat(first.hits()).extracting(ArtifactSummary::id).containsExactly("id-1", "id-2", "id-3");
        assertThat(first.candidatesRead()).isEqualTo(3);

        OpenSearchArtifactSearch.RegexResult all = node.find(UserRegex.compile("e"), null, 1000,
                SearchBudget.startingNow(BUDGET));
        assertThat(all.hits()).hasSize(120);
        assertThat(all.candidatesRead()).isEqualTo(120);
    }

    @Test
    void aScanThatOutrunsItsBudgetIsABadRequestNotAPartialAnswer() {
        corpus();
        assertThatThrownBy(() -> node.find(UserRegex.compile("x?y?z?$"), null, 1000,
                SearchBudget.startingNow(Duration.ofNanos(1))))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST))
                .hasMessageContaining("too expensive");
    }

    @Test
    void aSecondNodeOnTheSameIndexSeesEveryAcknowledgedWriteAtOnce() {
        OpenSearchArtifactSearch other = new OpenSearchArtifactSearch(
                new OpenSearchIndices(OpenSearchNode.client(), settings), BUDGET, 10, Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            String id = feed.register("shared-" + i, MODEL, "written on the first node " + i);
            assertThat(other.byName("shared-" + i)).extracting(ArtifactSummary::id).containsExactly(id);
            assertThat(other.byRegex("first node " + i, 10)).extracting(ArtifactSummary::id).containsExactly(id);
            assertThat(other.list(List.of(new NameQuery("*", Set.of())), 0, 100).total()).isEqualTo(i + 1);
        }
        feed.delete("id-1", "shared-0", MODEL);
        assertThat(other.byName("shared-0")).isEmpty();
        feed.resetRegistry();
        assertThat(other.list(List.of(new NameQuery("*", Set.of())), 0, 100).total()).isZero();
        assertThat(other.stats().documents()).isZero();
    }

    @Test
    void aNodeThatNeverWroteReportsTheStatsOfTheSharedIndex() {
        OpenSearchArtifactSearch other = new OpenSearchArtifactSearch(
                new OpenSearchIndices(OpenSearchNode.client(), settings), BUDGET, 10, Clock.systemUTC());
        IndexStats empty = other.stats();
        assertThat(empty.documents()).isZero();
        assertThat(empty.lastWriteAt()).isNull();
        assertThat(empty.lastAppliedPosition()).isEqualTo(-1);

        Instant before = Instant.now().minusSeconds(1);
        feed.register("a", MODEL, null);
        feed.register("b", MODEL, "readme");
        IndexStats written = other.stats();
        assertThat(written.documents()).isEqualTo(2);
        assertThat(written.lastWriteAt()).isAfter(before);
        assertThat(written.lastAppliedPosition()).isEqualTo(feed.position());
        assertThat(node.stats().lastAppliedPosition()).isEqualTo(feed.position());
        feed.unrelatedEvent();
        assertThat(node.stats().lastAppliedPosition()).as("the projecting node knows every event it applied")
                .isEqualTo(feed.position());
    }

    @Test
    void aReadmeOfTheLargestSizeIngestKeepsIsSearchableToItsLastCharacter() {
        String readme = "lorem ipsum dolor sit amet ".repeat(256 * 1024 / 27) + "the-very-end";
        String id = feed.register("large", MODEL, readme);
        assertThat(node.byRegex("the-very-end$", 10)).extracting(ArtifactSummary::id).containsExactly(id);
        assertThat(node.byRegex("^lorem ipsum", 10)).extracting(ArtifactSummary::id).containsExactly(id);
        assertThat(node.stats().sizeBytes()).isPositive();
    }
}
