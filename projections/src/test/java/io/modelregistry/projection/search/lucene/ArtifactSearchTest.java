package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.SearchPage;
import io.modelregistry.api.search.IndexStats;
import io.modelregistry.api.search.NameQuery;
import static io.modelregistry.api.artifact.ArtifactType.CODE;
import static io.modelregistry.api.artifact.ArtifactType.DATASET;
import static io.modelregistry.api.artifact.ArtifactType.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.error.RegistryException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactSearchTest {

    private static final String AAB = "a".repeat(95) + "b";

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

    @Nested
    class ByName {

        @Test
        void matchesExactlyAndCaseSensitivelyInRegistrationOrder() {
            String first = fixture.register("bert-base-uncased", MODEL, "first");
            fixture.register("Bert-base-uncased", MODEL, null);
            fixture.register("bert-base", MODEL, null);
            String second = fixture.register("bert-base-uncased", DATASET, "second");

            assertThat(search.byName("bert-base-uncased")).containsExactly(
                    new ArtifactSummary(first, "bert-base-uncased", MODEL),
                    new ArtifactSummary(second, "bert-base-uncased", DATASET));
            assertThat(search.byName("BERT-base-uncased")).isEmpty();
            assertThat(search.byName("bert")).isEmpty();
        }

        @Test
        void unknownNameIsEmpty() {
            assertThat(search.byName("nothing-here")).isEmpty();
        }
    }

    @Nested
    class Listing {

        @Test
        void starListsEverythingOrFiltersByType() {
            String model = fixture.register("m", MODEL, null);
            String dataset = fixture.register("d", DATASET, null);
            String code = fixture.register("c", CODE, null);

            assertThat(ids(search.list(List.of(new NameQuery("*", Set.of())), 0, 100))).containsExactly(model, dataset, code);
            assertThat(ids(search.list(List.of(new NameQuery("*", null)), 0, 100))).containsExactly(model, dataset, code);
            assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(MODEL))), 0, 100))).containsExactly(model);
            assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(MODEL, CODE))), 0, 100)))
                    .containsExactly(model, code);
            assertThat(search.list(List.of(new NameQuery("*", Set.of(DATASET))), 0, 100).total()).isEqualTo(1);
        }

        @Test
        void namesAreExactAndCaseSensitive() {
            String bert = fixture.register("bert", MODEL, null);
            fixture.register("BERT", MODEL, null);
            fixture.register("bert2", MODEL, null);

            SearchPage page = search.list(List.of(new NameQuery("bert", Set.of())), 0, 100);
            assertThat(ids(page)).containsExactly(bert);
            assertThat(page.total()).isEqualTo(1);
            assertThat(search.list(List.of(new NameQuery("bert", Set.of(CODE))), 0, 100).total()).isZero();
        }

        @Test
        void pagesByOffsetInRegistrationOrderWithTotal() {
            List<String> registered = IntStream.range(0, 25)
                    .mapToObj(i -> fixture.register("artifact-" + i, i % 2 == 0 ? MODEL : DATASET, null)).toList();
            List<NameQuery> all = List.of(new NameQuery("*", Set.of()));

            SearchPage first = search.list(all, 0, 10);
            assertThat(ids(first)).isEqualTo(registered.subList(0, 10));
            assertThat(first.total()).isEqualTo(25);
            assertThat(ids(search.list(all, 10, 10))).isEqualTo(registered.subList(10, 20));
            assertThat(ids(search.list(all, 20, 10))).isEqualTo(registered.subList(20, 25));
            SearchPage beyond = search.list(all, 30, 10);
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.total()).isEqualTo(25);
            assertThat(search.list(all, 0, 0).total()).isEqualTo(25);
            assertThat(ids(search.list(all, 24, Integer.MAX_VALUE))).containsExactly(registered.get(24));

            SearchPage models = search.list(List.of(new NameQuery("*", Set.of(MODEL))), 5, 3);
            assertThat(models.total()).isEqualTo(13);
            assertThat(ids(models)).containsExactly(registered.get(10), registered.get(12), registered.get(14));
        }

        @Test
        void unionOfQueriesCountsEachArtifactOnce() {
            String bert = fixture.register("bert", MODEL, null);
            String squad = fixture.register("squad", DATASET, null);
            String whisper = fixture.register("whisper", MODEL, null);
            fixture.register("tools", CODE, null);

            SearchPage page = search.list(List.of(
                    new NameQuery("bert", Set.of()),
                    new NameQuery("*", Set.of(MODEL)),
                    new NameQuery("squad", Set.of(DATASET)),
                    new NameQuery("bert", Set.of(MODEL))), 0, 100);

            assertThat(ids(page)).containsExactly(bert, squad, whisper);
            assertThat(page.total()).isEqualTo(3);
        }

        @Test
        void rejectsMissingOrNegativeArguments() {
            assertBadRequest(() -> search.list(List.of(), 0, 10));
            assertBadRequest(() -> search.list(null, 0, 10));
            assertBadRequest(() -> search.list(List.of(new NameQuery("*", Set.of())), -1, 10));
            assertBadRequest(() -> search.list(List.of(new NameQuery("*", Set.of())), 0, -1));
            List<NameQuery> tooMany = IntStream.range(0, LuceneArtifactSearch.MAX_QUERIES + 1)
                    .mapToObj(i -> new NameQuery("n" + i, Set.of())).toList();
            assertBadRequest(() -> search.list(tooMany, 0, 10));
        }
    }

    @Nested
    class ByRegex {

        private String bert;
        private String bertBase;
        private String bookcorpusUser;
        private String aab;
        private String banana;

        @BeforeEach
        void corpus() {
            bert = fixture.register("google-research-bert", CODE, "# BERT\nTensorFlow code and pre-trained models.");
            bertBase = fixture.register("bert-base-uncased", MODEL, "Pretrained on BookCorpus and English Wikipedia.");
            bookcorpusUser = fixture.register("distilled-encoder", MODEL,
                    "---\ndatasets:\n- bookcorpus\n- wikipedia\n---\nA small encoder.");
            fixture.register("bookcorpus", DATASET, "The dataset of 11,038 unpublished books.");
            aab = fixture.register(AAB, MODEL, null);
            banana = fixture.register("banana", CODE, "fruit");
            fixture.register("whisper-tiny", MODEL, null);
        }

        @Test
        void matchesExactAndPartialNames() {
            assertThat(ids(search.byRegex("google-research-bert", 100))).containsExactly(bert);
            assertThat(ids(search.byRegex("^google-research-bert$", 100))).containsExactly(bert);
            assertThat(ids(search.byRegex("bert", 100))).containsExactly(bert, bertBase);
            assertThat(search.byRegex("bert", 100).get(0)).isEqualTo(
                    new ArtifactSummary(bert, "google-research-bert", CODE));
        }

        @Test
        void matchesReadmesEvenWhenTheNameDoesNot() {
            List<String> hits = ids(search.byRegex(".*bookcorpus.*", 100));
            assertThat(hits).contains(bookcorpusUser);   // only its README mentions bookcorpus
            assertThat(hits).doesNotContain(bertBase);     // "BookCorpus": case-sensitive
            assertThat(ids(search.byRegex("(?i)bookcorpus", 100))).contains(bertBase, bookcorpusUser);
            assertThat(ids(search.byRegex("TensorFlow", 100))).containsExactly(bert);
        }

        @Test
        void artifactMatchedByNameAndReadmeAppearsOnce() {
            fixture.register("bookcorpus-mirror", DATASET, "a copy of bookcorpus");
            List<String> hits = ids(search.byRegex("bookcorpus", 100));
            assertThat(hits).doesNotHaveDuplicates().hasSize(3);
        }

        @Test
        void noMatchIsEmpty() {
            assertThat(search.byRegex("ece461rules", 100)).isEmpty();
        }

        @Test
        void limitKeepsTheFirstHitsInRegistrationOrder() {
            assertThat(ids(search.byRegex("e", 2))).containsExactly(bert, bertBase);
            assertThat(search.byRegex("e", 0)).isEmpty();
        }

        @Test
        void rejectsInvalidOverlongAndExplosivePatterns() {
            assertThat(badRequest(() -> search.byRegex("(unclosed", 10))).startsWith("Invalid regular expression: ");
            assertThat(badRequest(() -> search.byRegex("(a{1,99999}){1,99999}$", 10)))
                    .startsWith("Invalid regular expression: ");
            assertThat(badRequest(() -> search.byRegex("x".repeat(UserRegex.MAX_LENGTH + 1), 10)))
                    .contains("longer than");
            assertBadRequest(() -> search.byRegex("", 10));
            assertBadRequest(() -> search.byRegex(null, 10));
            assertBadRequest(() -> search.byRegex("a", -1));
            assertBadRequest(() -> search.byRegex("a\\", 10));
            assertBadRequest(() -> search.byRegex("(?<=a)b", 10));
        }

        @Test
        void rejectsNestedRepetitionsBeforeCompilingThem() {
            long start = System.nanoTime();
            // RE2/J 1.8 would compile these into millions of instructions (the first one exhausts the heap)
            assertThat(badRequest(() -> search.byRegex("((a{1000}){1000}){1000}", 10))).contains("1000 copies");
            assertThat(badRequest(() -> search.byRegex("(([ab]{100}){100}){100}", 10))).contains("1000 copies");
            assertThat(badRequest(() -> search.byRegex("(x{40}y{40}){30}", 10))).contains("1000 copies");
            assertThat(badRequest(() -> search.byRegex("([a-z]{1000}){9}", 10))).contains("1000 copies");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void catastrophicBacktrackingProbesAnswerQuicklyAndCorrectly() {
            for (String probe : List.of("(a|aa)*$", "(a+)+$", "(a|a)*b$", "(a*)*$", "^(a+)+$")) {
                long start = System.nanoTime();
                List<String> hits = ids(search.byRegex(probe, 100));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(probe).isLessThan(Duration.ofSeconds(2));
                assertThat(hits).as(probe).isEqualTo(bruteForce(probe));
            }
            assertThat(ids(search.byRegex("(a+)+$", 100))).contains(banana).doesNotContain(aab);
            assertThat(ids(search.byRegex("^(a+)+$", 100))).isEmpty();
            assertThat(ids(search.byRegex("(a|a)*b$", 100))).contains(aab);
        }

        private List<String> bruteForce(String regex) {
            Pattern pattern = Pattern.compile(regex);
            List<ArtifactSummary> all = search.list(List.of(new NameQuery("*", Set.of())), 0, 1000).items();
            List<String> hits = new ArrayList<>();
            for (ArtifactSummary artifact : all) {
                String readme = readmeOf(artifact.id());
                if (pattern.matcher(artifact.name()).find() || (readme != null && pattern.matcher(readme).find())) {
                    hits.add(artifact.id());
                }
            }
            return hits;
        }

        private String readmeOf(String id) {
            return fixture.index().read(searcher -> {
                var hits = searcher.search(new org.apache.lucene.search.TermQuery(ArtifactFields.idTerm(id)), 1);
                return searcher.storedFields().document(hits.scoreDocs[0].doc).get(ArtifactFields.README);
            });
        }
    }

    @Nested
    class Writes {

        @Test
        void updateReplacesTheReadmeAndKeepsRegistrationOrder() {
            String first = fixture.register("first", MODEL, "trained on bookcorpus");
            String second = fixture.register("second", MODEL, null);

            fixture.update(first, "first", MODEL, "trained on wikipedia");

            assertThat(search.byRegex("bookcorpus", 10)).isEmpty();
            assertThat(ids(search.byRegex("wikipedia", 10))).containsExactly(first);
            assertThat(ids(search.list(List.of(new NameQuery("*", Set.of())), 0, 10))).containsExactly(first, second);

            fixture.update(first, "first", MODEL, null);
            assertThat(search.byRegex("wikipedia", 10)).isEmpty();
            assertThat(search.stats().documents()).isEqualTo(2);
        }

        @Test
        void deleteRemovesFromEveryQuery() {
            String gone = fixture.register("gone", DATASET, "about bookcorpus");
            String kept = fixture.register("kept", DATASET, null);

            fixture.delete(gone, "gone", DATASET);

            assertThat(search.byName("gone")).isEmpty();
            assertThat(search.byRegex("gone|bookcorpus", 10)).isEmpty();
            SearchPage page = search.list(List.of(new NameQuery("*", Set.of())), 0, 10);
            assertThat(ids(page)).containsExactly(kept);
            assertThat(page.total()).isEqualTo(1);
            fixture.delete(gone, "gone", DATASET);   // idempotent
            assertThat(search.stats().documents()).isEqualTo(1);
        }

        @Test
        void registryResetClearsEverythingAndLaterRegistrationsAppear() {
            fixture.register("a", MODEL, "text");
            fixture.register("b", CODE, "text");

            fixture.resetRegistry();
            assertThat(search.list(List.of(new NameQuery("*", Set.of())), 0, 10).total()).isZero();
            assertThat(search.byRegex("text|a|b", 10)).isEmpty();

            String after = fixture.register("c", MODEL, null);
            assertThat(ids(search.list(List.of(new NameQuery("*", Set.of())), 0, 10))).containsExactly(after);
        }

        @Test
        void redeliveredEventsChangeNothing() {
            ArtifactRegistered event = new ArtifactRegistered("x-1", MODEL, "x", SearchFixture.content("hello"),
                    SearchFixture.ACTOR, Instant.now());
            long at = fixture.deliver(event);
            fixture.register("y", MODEL, null);
            fixture.redeliver(event, at);

            SearchPage page = search.list(List.of(new NameQuery("*", Set.of())), 0, 10);
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.items().get(0).id()).isEqualTo("x-1");
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
        void statsDescribeTheIndex() {
            assertThat(search.stats().documents()).isZero();
            assertThat(search.stats().lastWriteAt()).isNull();
            fixture.register("a", MODEL, "readme");
            fixture.index().commitIfChanged();

            IndexStats stats = search.stats();
            assertThat(stats.documents()).isEqualTo(1);
            assertThat(stats.lastWriteAt()).isNotNull();
            assertThat(stats.sizeBytes()).isPositive();
            assertThat(stats.lastAppliedPosition()).isEqualTo(fixture.position());
        }

        @Test
        void replayedWritesSkipTheHandlerRefreshButAreVisibleToTheNextRead() {
            ArtifactRegistered event = new ArtifactRegistered("r-1", MODEL, "replayed", SearchFixture.content(null),
                    SearchFixture.ACTOR, Instant.now());
            fixture.projection().on(event, new org.axonframework.eventhandling.GenericTrackedEventMessage<>(
                    new org.axonframework.eventhandling.GlobalSequenceTrackingToken(1),
                    org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event)),
                    org.axonframework.eventhandling.ReplayStatus.REPLAY);
            assertThat(search.byName("replayed")).hasSize(1);
            assertThat(search.stats().documents()).isEqualTo(1);
        }
    }

    private static List<String> ids(SearchPage page) {
        return ids(page.items());
    }

    private static List<String> ids(List<ArtifactSummary> summaries) {
        return summaries.stream().map(ArtifactSummary::id).toList();
    }

    private static void assertBadRequest(Runnable call) {
        badRequest(call);
    }

    private static String badRequest(Runnable call) {
        RegistryException[] thrown = new RegistryException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST);
            thrown[0] = e;
        });
        return thrown[0].getMessage();
    }
}
