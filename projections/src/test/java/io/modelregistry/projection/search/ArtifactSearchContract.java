package io.modelregistry.projection.search;

import static io.modelregistry.api.artifact.ArtifactType.CODE;
import static io.modelregistry.api.artifact.ArtifactType.DATASET;
import static io.modelregistry.api.artifact.ArtifactType.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.search.SearchIndexWriter;
import io.modelregistry.api.search.SearchPage;
import io.modelregistry.api.version.VersionRange;
import io.modelregistry.projection.search.query.KeywordTerms;
import io.modelregistry.projection.search.query.RandomRegex;
import io.modelregistry.projection.search.query.SearchArguments;
import io.modelregistry.projection.search.query.UserRegex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every adapter of the search read model must answer, embedded (Lucene) or OpenSearch, fed through the
 * projection as the processing group feeds it: exact names, listings (unions of name queries, paged, with a total),
 * RE2 regular expressions over names and READMEs with {@code find()} semantics in registration order, version
 * filters, updates, new versions, deletes, a registry reset, redelivered events, and the bounds on every argument.
 * Each adapter's test extends this with an empty adapter per test.
 */
public abstract class ArtifactSearchContract {

    private static final String AAB = "a".repeat(95) + "b";

    /** Both sides of one adapter. */
    public record Adapter(ArtifactSearch search, SearchIndexWriter writer) {
    }

    /** An adapter with nothing indexed; each test gets its own (or the same one emptied). */
    protected abstract Adapter emptyAdapter();

    /** Releases what {@link #emptyAdapter()} opened, if anything. */
    protected void closeAdapter() {
    }

    /** A point where an adapter may flush what it holds (Lucene: a commit, which starts a new segment). */
    protected void checkpoint() {
    }

    protected ArtifactSearch search;
    protected SearchIndexWriter writer;
    protected SearchFeed feed;

    @BeforeEach
    void openAdapter() {
        Adapter adapter = emptyAdapter();
        search = adapter.search();
        writer = adapter.writer();
        feed = new SearchFeed(writer);
    }

    @AfterEach
    void closeTheAdapter() {
        closeAdapter();
    }

    // ---- by name -----------------------------------------------------------------------------------------------

    @Test
    public void byNameMatchesExactlyAndCaseSensitivelyInRegistrationOrder() {
        String first = feed.register("bert-base-uncased", MODEL, "first");
        feed.register("Bert-base-uncased", MODEL, null);
        feed.register("bert-base", MODEL, null);
        String second = feed.register("bert-base-uncased", DATASET, "second");

        assertThat(search.byName("bert-base-uncased")).containsExactly(
                new ArtifactSummary(first, "bert-base-uncased", MODEL),
                new ArtifactSummary(second, "bert-base-uncased", DATASET));
        assertThat(search.byName("BERT-base-uncased")).isEmpty();
        assertThat(search.byName("bert")).isEmpty();
    }

    @Test
    public void byNameOfAnUnknownNameIsEmptyAndOfNoNameABadRequest() {
        assertThat(search.byName("nothing-here")).isEmpty();
        assertBadRequest(() -> search.byName(null));
    }

    @Test
    public void overlongNamesAreCutToWhatAnIndexAccepts() {
        String name = "é".repeat(20_000);   // 40,000 UTF-8 bytes
        String cut = KeywordTerms.fit(name);
        assertThat(cut.length()).isEqualTo(16_383);
        assertThat(KeywordTerms.fit("bert")).isEqualTo("bert");
        writer.register(new IndexedArtifact("id-1", name, ArtifactType.MODEL, null), OptionalLong.of(1), true);
        assertThat(search.byName(cut)).extracting(ArtifactSummary::id).containsExactly("id-1");
    }

    // ---- listings ----------------------------------------------------------------------------------------------

    @Test
    public void starListsEverythingOrFiltersByType() {
        String model = feed.register("m", MODEL, null);
        String dataset = feed.register("d", DATASET, null);
        String code = feed.register("c", CODE, null);

        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of())), 0, 100))).containsExactly(model, dataset, code);
        assertThat(ids(search.list(List.of(new NameQuery("*", null)), 0, 100))).containsExactly(model, dataset, code);
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(MODEL))), 0, 100))).containsExactly(model);
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(MODEL, CODE))), 0, 100)))
                .containsExactly(model, code);
        assertThat(search.list(List.of(new NameQuery("*", Set.of(DATASET))), 0, 100).total()).isEqualTo(1);
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(MODEL, DATASET, CODE))), 0, 100)))
                .containsExactly(model, dataset, code);
    }

    @Test
    public void listedNamesAreExactAndCaseSensitive() {
        String bert = feed.register("bert", MODEL, null);
        feed.register("BERT", MODEL, null);
        feed.register("bert2", MODEL, null);

        SearchPage page = search.list(List.of(new NameQuery("bert", Set.of())), 0, 100);
        assertThat(ids(page)).containsExactly(bert);
        assertThat(page.total()).isEqualTo(1);
        assertThat(search.list(List.of(new NameQuery("bert", Set.of(CODE))), 0, 100).total()).isZero();
    }

    @Test
    public void listingsArePagedByOffsetInRegistrationOrderWithTheirTotal() {
        List<String> registered = IntStream.range(0, 25)
                .mapToObj(i -> feed.register("artifact-" + i, i % 2 == 0 ? MODEL : DATASET, null)).toList();
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
        assertThat(ids(search.list(all, 0, Integer.MAX_VALUE))).isEqualTo(registered);
        assertThat(search.list(all, Integer.MAX_VALUE, Integer.MAX_VALUE).items()).isEmpty();

        SearchPage models = search.list(List.of(new NameQuery("*", Set.of(MODEL))), 5, 3);
        assertThat(models.total()).isEqualTo(13);
        assertThat(ids(models)).containsExactly(registered.get(10), registered.get(12), registered.get(14));
    }

    @Test
    public void aUnionOfQueriesCountsEachArtifactOnce() {
        String bert = feed.register("bert", MODEL, null);
        String squad = feed.register("squad", DATASET, null);
        String whisper = feed.register("whisper", MODEL, null);
        feed.register("tools", CODE, null);

        SearchPage page = search.list(List.of(
                new NameQuery("bert", Set.of()),
                new NameQuery("*", Set.of(MODEL)),
                new NameQuery("squad", Set.of(DATASET)),
                new NameQuery("bert", Set.of(MODEL))), 0, 100);

        assertThat(ids(page)).containsExactly(bert, squad, whisper);
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    public void listingsRejectMissingOrNegativeArgumentsAndTooManyQueries() {
        assertBadRequest(() -> search.list(List.of(), 0, 10));
        assertBadRequest(() -> search.list(null, 0, 10));
        assertBadRequest(() -> search.list(List.of(new NameQuery("*", Set.of())), -1, 10));
        assertBadRequest(() -> search.list(List.of(new NameQuery("*", Set.of())), 0, -1));
        List<NameQuery> tooMany = IntStream.range(0, SearchArguments.MAX_QUERIES + 1)
                .mapToObj(i -> new NameQuery("n" + i, Set.of())).toList();
        assertBadRequest(() -> search.list(tooMany, 0, 10));
        List<NameQuery> most = IntStream.range(0, SearchArguments.MAX_QUERIES)
                .mapToObj(i -> new NameQuery("n" + i, Set.of(MODEL), VersionRange.parse("^1.0.0"))).toList();
        assertThat(search.list(most, 0, 10).total()).isZero();
    }

    // ---- regular expressions -----------------------------------------------------------------------------------

    /** id -> {name, readme}, in registration order: what a brute-force search over everything would see. */
    private final Map<String, String[]> corpus = new LinkedHashMap<>();

    private String indexed(String name, ArtifactType type, String readme) {
        String id = feed.register(name, type, readme);
        corpus.put(id, new String[] {name, readme});
        return id;
    }

    private record RegexCorpus(String bert, String bertBase, String bookcorpusUser, String aab, String banana) {
    }

    private RegexCorpus regexCorpus() {
        String bert = indexed("google-research-bert", CODE, "# BERT\nTensorFlow code and pre-trained models.");
        String bertBase = indexed("bert-base-uncased", MODEL, "Pretrained on BookCorpus and English Wikipedia.");
        String bookcorpusUser = indexed("distilled-encoder", MODEL,
                "---\ndatasets:\n- bookcorpus\n- wikipedia\n---\nA small encoder.");
        indexed("bookcorpus", DATASET, "The dataset of 11,038 unpublished books.");
        String aab = indexed(AAB, MODEL, null);
        String banana = indexed("banana", CODE, "fruit");
        indexed("whisper-tiny", MODEL, null);
        return new RegexCorpus(bert, bertBase, bookcorpusUser, aab, banana);
    }

    @Test
    public void aRegexMatchesExactAndPartialNames() {
        RegexCorpus c = regexCorpus();
        assertThat(ids(search.byRegex("google-research-bert", 100))).containsExactly(c.bert());
        assertThat(ids(search.byRegex("^google-research-bert$", 100))).containsExactly(c.bert());
        assertThat(ids(search.byRegex("bert", 100))).containsExactly(c.bert(), c.bertBase());
        assertThat(search.byRegex("bert", 100).get(0)).isEqualTo(
                new ArtifactSummary(c.bert(), "google-research-bert", CODE));
    }

    @Test
    public void aRegexMatchesReadmesEvenWhenTheNameDoesNot() {
        RegexCorpus c = regexCorpus();
        List<String> hits = ids(search.byRegex(".*bookcorpus.*", 100));
        assertThat(hits).contains(c.bookcorpusUser());   // only its README mentions bookcorpus
        assertThat(hits).doesNotContain(c.bertBase());     // "BookCorpus": case-sensitive
        assertThat(ids(search.byRegex("(?i)bookcorpus", 100))).contains(c.bertBase(), c.bookcorpusUser());
        assertThat(ids(search.byRegex("TensorFlow", 100))).containsExactly(c.bert());
        assertThat(ids(search.byRegex("sets:\\n- book", 100))).containsExactly(c.bookcorpusUser());
    }

    @Test
    public void anArtifactMatchedByNameAndReadmeAppearsOnce() {
        regexCorpus();
        feed.register("bookcorpus-mirror", DATASET, "a copy of bookcorpus");
        List<String> hits = ids(search.byRegex("bookcorpus", 100));
        assertThat(hits).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    public void aRegexWithoutAMatchIsEmpty() {
        regexCorpus();
        assertThat(search.byRegex("ece461rules", 100)).isEmpty();
        assertThat(search.byRegex("x", 100)).isEmpty();
    }

    @Test
    public void aLimitKeepsTheFirstHitsInRegistrationOrder() {
        RegexCorpus c = regexCorpus();
        assertThat(ids(search.byRegex("e", 2))).containsExactly(c.bert(), c.bertBase());
        assertThat(ids(search.byRegex("pre-?trained", 1))).containsExactly(c.bert());
        assertThat(search.byRegex("e", 0)).isEmpty();
    }

    @Test
    public void invalidOverlongAndExplosivePatternsAreBadRequests() {
        regexCorpus();
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
        assertBadRequest(() -> search.byRegex("(unclosed", 0));
    }

    @Test
    public void nestedRepetitionsAreRejectedBeforeTheyAreCompiled() {
        long start = System.nanoTime();
        // RE2/J 1.8 would compile these into millions of instructions (the first one exhausts the heap)
        assertThat(badRequest(() -> search.byRegex("((a{1000}){1000}){1000}", 10))).contains("1000 copies");
        assertThat(badRequest(() -> search.byRegex("(([ab]{100}){100}){100}", 10))).contains("1000 copies");
        assertThat(badRequest(() -> search.byRegex("(x{40}y{40}){30}", 10))).contains("1000 copies");
        assertThat(badRequest(() -> search.byRegex("([a-z]{1000}){9}", 10))).contains("1000 copies");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    public void catastrophicBacktrackingProbesAnswerQuicklyAndCorrectly() {
        RegexCorpus c = regexCorpus();
        for (String probe : List.of("(a|aa)*$", "(a+)+$", "(a|a)*b$", "(a*)*$", "^(a+)+$")) {
            long start = System.nanoTime();
            List<String> hits = ids(search.byRegex(probe, 100));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(probe).isLessThan(Duration.ofSeconds(2));
            assertThat(hits).as(probe).isEqualTo(bruteForce(probe));
        }
        assertThat(ids(search.byRegex("(a+)+$", 100))).contains(c.banana()).doesNotContain(c.aab());
        assertThat(ids(search.byRegex("^(a+)+$", 100))).isEmpty();
        assertThat(ids(search.byRegex("(a|a)*b$", 100))).contains(c.aab());
    }

    @Test
    public void anEmptyReadmeIsATextThatEmptyPatternsMatch() {
        String empty = indexed("x1", MODEL, "");
        indexed("x2", MODEL, null);
        assertThat(ids(search.byRegex("^$", 10))).containsExactly(empty);
    }

    /**
     * The trigram prefilter must never lose a match: for many patterns over a random corpus, the indexed search
     * returns exactly what matching every name and README with RE2 returns.
     */
    @Test
    public void aPrefilteredSearchEqualsMatchingEveryNameAndReadme() {
        Random random = new Random(42);
        RandomRegex regexes = new RandomRegex(7);
        for (int i = 0; i < 400; i++) {
            String name = words(random, 1 + random.nextInt(3)) + i;
            String readme = random.nextInt(8) == 0 ? null
                    : random.nextBoolean() ? words(random, random.nextInt(60)) : regexes.text(300);
            indexed(name, ArtifactType.MODEL, readme);
            if (i % 97 == 0) {
                checkpoint();   // several segments
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
                feed.update(id, entry[0], ArtifactType.MODEL, readme);
                corpus.put(id, new String[] {entry[0], readme});
            } else {
                feed.delete(id, entry[0], ArtifactType.MODEL);
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
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException invalid) {
                continue;
            }
            List<String> expected = bruteForce(regex);
            List<String> actual;
            try {
                actual = ids(search.byRegex(regex, 10_000));
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

    private static final List<String> WORDS = List.of("bert", "base", "abc", "cab", "xab", "bookcorpus", "a-b",
            "ca.b", "model", "\n", " ", "aaa", "bcx", "x_x", "ab ab", "tiny", "-", ".");

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.toString();
    }

    private List<String> bruteForce(String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<String> hits = new ArrayList<>();
        corpus.forEach((id, entry) -> {
            if (pattern.matcher(entry[0]).find() || (entry[1] != null && pattern.matcher(entry[1]).find())) {
                hits.add(id);
            }
        });
        return hits;
    }

    // ---- versions ----------------------------------------------------------------------------------------------

    private void versionCorpus() {
        feed.register("tiny", "Tiny-LLM", MODEL, "a tiny llama", "1.0.0");
        feed.addVersion("tiny", "Tiny-LLM", MODEL, "a tiny llama, now bigger", "1.1.0");
        feed.register("bert", "bert", MODEL, "masked language model", "1.0.0");
        feed.register("squad", "squad", DATASET, "questions", "2.0.0-rc.1");
        feed.addVersion("squad", "squad", DATASET, "questions", "0.9.0");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0.0        | tiny bert
            1.1.0        | tiny
            0.9.0        | squad
            ^1.0.0       | tiny bert
            ~1.1.0       | tiny
            1.0.1-9.0.0  | tiny
            0.1.0-1.0.0  | tiny bert squad
            ^2.0.0-rc.0  | squad
            ^2.0.0       | ''
            """)
    public void anArtifactMatchesWhenOneOfItsVersionsIsInTheRange(String range, String ids) {
        versionCorpus();
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(), VersionRange.parse(range))), 0, 100)))
                .containsExactlyElementsOf(ids.isBlank() ? List.of() : List.of(ids.split(" ")));
    }

    @Test
    public void aVersionFilterCombinesWithNameAndTypes() {
        versionCorpus();
        assertThat(ids(search.list(List.of(new NameQuery("bert", Set.of(MODEL), VersionRange.parse("1.0.0"))), 0, 10)))
                .containsExactly("bert");
        assertThat(search.list(List.of(new NameQuery("bert", Set.of(), VersionRange.parse("1.1.0"))), 0, 10).items())
                .isEmpty();
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(DATASET), VersionRange.parse("^0.9.0"))), 0, 10)))
                .containsExactly("squad");
        assertThat(ids(search.list(List.of(new NameQuery("bert", Set.of(), VersionRange.parse("1.0.0")),
                new NameQuery("*", Set.of(DATASET), VersionRange.parse("^0.9.0"))), 0, 10)))
                .containsExactly("bert", "squad");
    }

    @Test
    public void aRegexIsAnsweredAmongTheArtifactsInTheVersionRange() {
        versionCorpus();
        assertThat(ids(search.byRegex("llama|masked", VersionRange.parse("1.1.0"), 10))).containsExactly("tiny");
        assertThat(ids(search.byRegex("llama|masked", VersionRange.parse("1.0.0"), 10))).containsExactly("tiny", "bert");
        assertThat(search.byRegex("questions", VersionRange.parse("1.0.0"), 10)).isEmpty();
        assertThat(ids(search.byRegex("e", VersionRange.parse("^0.9.0"), 10))).containsExactly("squad");
        assertThat(ids(search.byRegex("bigger", null, 10))).as("the README is the latest version's").containsExactly("tiny");
    }

    @Test
    public void anOlderVersionAddedLaterKeepsTheLatestReadmeAndAnUpdateKeepsTheVersions() {
        versionCorpus();
        feed.addVersion("bert", "bert", MODEL, "an old card", "0.5.0");
        assertThat(search.byRegex("old card", null, 10)).isEmpty();
        feed.update("tiny", "Tiny-LLM", MODEL, "replaced card");
        assertThat(ids(search.byRegex("replaced", VersionRange.parse("1.0.0"), 10))).containsExactly("tiny");
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(), VersionRange.parse("0.5.0"))), 0, 10)))
                .containsExactly("bert");
    }

    @Test
    public void aVersionAddedToADeletedArtifactAddsNothing() {
        versionCorpus();
        feed.delete("bert", "bert", MODEL);
        feed.addVersion("bert", "bert", MODEL, "back?", "2.0.0");
        assertThat(search.byName("bert")).isEmpty();
        assertThat(search.byRegex("back", 10)).isEmpty();
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Test
    public void anUpdateReplacesTheReadmeAndKeepsRegistrationOrder() {
        String first = feed.register("first", MODEL, "trained on bookcorpus");
        String second = feed.register("second", MODEL, null);

        feed.update(first, "first", MODEL, "trained on wikipedia");

        assertThat(search.byRegex("bookcorpus", 10)).isEmpty();
        assertThat(ids(search.byRegex("wikipedia", 10))).containsExactly(first);
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of())), 0, 10))).containsExactly(first, second);

        feed.update(first, "first", MODEL, null);
        assertThat(search.byRegex("wikipedia", 10)).isEmpty();
        assertThat(search.stats().documents()).isEqualTo(2);
    }

    @Test
    public void aDeleteRemovesFromEveryQuery() {
        String gone = feed.register("gone", DATASET, "about bookcorpus");
        String kept = feed.register("kept", DATASET, null);

        feed.delete(gone, "gone", DATASET);

        assertThat(search.byName("gone")).isEmpty();
        assertThat(search.byRegex("gone|bookcorpus", 10)).isEmpty();
        SearchPage page = search.list(List.of(new NameQuery("*", Set.of())), 0, 10);
        assertThat(ids(page)).containsExactly(kept);
        assertThat(page.total()).isEqualTo(1);
        feed.delete(gone, "gone", DATASET);   // idempotent
        assertThat(search.stats().documents()).isEqualTo(1);
    }

    @Test
    public void aRegistryResetClearsEverythingAndLaterRegistrationsAppear() {
        feed.register("a", MODEL, "text");
        feed.register("b", CODE, "text");

        feed.resetRegistry();
        assertThat(search.list(List.of(new NameQuery("*", Set.of())), 0, 10).total()).isZero();
        assertThat(search.byRegex("text|a|b", 10)).isEmpty();

        String after = feed.register("c", MODEL, null);
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of())), 0, 10))).containsExactly(after);
    }

    @Test
    public void clearingForAReplayEmptiesTheIndexAndTheReplayRebuildsIt() {
        feed.register("a", MODEL, "text");
        writer.clear();
        assertThat(search.list(List.of(new NameQuery("*", Set.of())), 0, 10).total()).isZero();
        assertThat(search.stats().documents()).isZero();
        String b = feed.register("b", MODEL, "text");
        assertThat(ids(search.byRegex("text", 10))).containsExactly(b);
    }

    @Test
    public void redeliveredEventsChangeNothing() {
        ArtifactRegistered event = new ArtifactRegistered("x-1", MODEL, "x", SearchFeed.content("hello"),
                SearchFeed.ACTOR, Instant.now());
        long at = feed.deliver(event);
        feed.register("y", MODEL, null);
        feed.redeliver(event, at);

        SearchPage page = search.list(List.of(new NameQuery("*", Set.of())), 0, 10);
        assertThat(page.total()).isEqualTo(2);
        assertThat(ids(page)).containsExactly("x-1", "id-1");
        assertThat(ids(search.byRegex("hello", 10))).containsExactly("x-1");
    }

    @Test
    public void writesWithoutAPositionAreOrderedAfterEveryEarlierOne() {
        String a = feed.register("a", MODEL, null);
        writer.register(new IndexedArtifact("u-2", "u", MODEL, "untracked"), OptionalLong.empty(), true);
        writer.register(new IndexedArtifact("u-1", "u", MODEL, "untracked"), OptionalLong.empty(), true);
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of())), 0, 10))).containsExactly(a, "u-2", "u-1");
        assertThat(ids(search.byRegex("untracked", 10))).containsExactly("u-2", "u-1");
    }

    @Test
    public void replayedWritesSkipTheHandlerRefreshButAreVisibleToTheNextRead() {
        feed.replay(new ArtifactRegistered("r-1", MODEL, "replayed", SearchFeed.content("old news"), SearchFeed.ACTOR,
                Instant.now()));
        assertThat(search.byName("replayed")).hasSize(1);
        assertThat(ids(search.byRegex("old news", 10))).containsExactly("r-1");
        assertThat(search.stats().documents()).isEqualTo(1);
    }

    @Test
    public void statsCountTheSearchableArtifactsAndTheLastWrite() {
        assertThat(search.stats().documents()).isZero();
        Instant before = Instant.now().minusSeconds(1);
        feed.register("a", MODEL, "readme");
        feed.register("b", MODEL, null);
        feed.unrelatedEvent();

        assertThat(search.stats().documents()).isEqualTo(2);
        assertThat(search.stats().lastWriteAt()).isAfter(before);
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
