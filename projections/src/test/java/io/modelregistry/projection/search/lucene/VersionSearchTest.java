package io.modelregistry.projection.search.lucene;

import static io.modelregistry.api.artifact.ArtifactType.DATASET;
import static io.modelregistry.api.artifact.ArtifactType.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.version.VersionRange;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version filters on the Lucene index: by name and type, by regex, and kept across updates and reopening. */
class VersionSearchTest {

    @TempDir
    Path dataDir;

    private SearchFixture fixture;
    private ArtifactSearch search;

    @BeforeEach
    void open() {
        fixture = new SearchFixture(dataDir);
        search = fixture.search();
        fixture.register("tiny", "Tiny-LLM", MODEL, "a tiny llama", "1.0.0");
        fixture.addVersion("tiny", "Tiny-LLM", MODEL, "a tiny llama, now bigger", "1.1.0");
        fixture.register("bert", "bert", MODEL, "masked language model", "1.0.0");
        fixture.register("squad", "squad", DATASET, "questions", "2.0.0-rc.1");
        fixture.addVersion("squad", "squad", DATASET, "questions", "0.9.0");
    }

    @AfterEach
    void close() {
        fixture.close();
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
    void anArtifactMatchesWhenOneOfItsVersionsIsInTheRange(String range, String ids) {
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(), VersionRange.parse(range))), 0, 100).items()))
                .containsExactlyElementsOf(ids.isBlank() ? List.of() : List.of(ids.split(" ")));
    }

    @Test
    void aVersionFilterCombinesWithNameAndTypes() {
        assertThat(ids(search.list(List.of(new NameQuery("bert", Set.of(MODEL), VersionRange.parse("1.0.0"))), 0, 10)
                .items())).containsExactly("bert");
        assertThat(search.list(List.of(new NameQuery("bert", Set.of(), VersionRange.parse("1.1.0"))), 0, 10).items())
                .isEmpty();
        assertThat(ids(search.list(List.of(new NameQuery("*", Set.of(DATASET), VersionRange.parse("^0.9.0"))), 0, 10)
                .items())).containsExactly("squad");
    }

    @Test
    void aRegexIsAnsweredAmongTheArtifactsInTheVersionRange() {
        assertThat(ids(search.byRegex("llama|masked", VersionRange.parse("1.1.0"), 10))).containsExactly("tiny");
        assertThat(ids(search.byRegex("llama|masked", VersionRange.parse("1.0.0"), 10))).containsExactly("tiny", "bert");
        assertThat(search.byRegex("questions", VersionRange.parse("1.0.0"), 10)).isEmpty();
        assertThat(ids(search.byRegex("bigger", null, 10))).as("the README is the latest version's").containsExactly("tiny");
    }

    @Test
    void anOlderVersionAddedLaterKeepsTheLatestReadmeAndAnUpdateKeepsTheVersions() {
        fixture.addVersion("bert", "bert", MODEL, "an old card", "0.5.0");
        assertThat(search.byRegex("old card", null, 10)).isEmpty();
        fixture.update("tiny", "Tiny-LLM", MODEL, "replaced card");
        assertThat(ids(search.byRegex("replaced", VersionRange.parse("1.0.0"), 10))).containsExactly("tiny");
        fixture.reopen();
        assertThat(ids(fixture.search().list(List.of(new NameQuery("*", Set.of(), VersionRange.parse("0.5.0"))), 0, 10)
                .items())).containsExactly("bert");
    }

    private static List<String> ids(List<ArtifactSummary> summaries) {
        return summaries.stream().map(ArtifactSummary::id).toList();
    }
}
