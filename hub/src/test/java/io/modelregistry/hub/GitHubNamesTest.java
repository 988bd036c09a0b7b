package io.modelregistry.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubNamesTest {

    static Stream<String> sitePages() {
        return GitHubNames.NOT_OWNERS.stream().sorted();
    }

    @Test
    void theOneListHoldsEveryEntryOfTheFourCopiesItReplaces() {
        // the ingest parser's, the lineage reader's, the card links' and the licence check's lists, as they were
        Set<String> ingest = Set.of("orgs", "settings", "marketplace", "features", "topics", "sponsors", "login",
                "about", "explore", "notifications", "pulls", "issues", "search", "apps", "collections", "trending",
                "new", "organizations", "enterprise", "pricing", "users", "site");
        Set<String> lineage = Set.of("orgs", "sponsors", "features", "settings", "marketplace", "topics",
                "collections", "login", "about", "pricing", "apps", "site", "contact", "enterprise", "explore",
                "trending", "issues", "pulls", "notifications", "search", "users", "customer-stories", "readme",
                "security");
        Set<String> cardLinks = Set.of("orgs", "topics", "sponsors", "features", "about", "settings", "marketplace",
                "collections", "search", "login", "apps", "site", "enterprise", "pricing");
        Set<String> licenceCheck = Set.of("orgs", "sponsors", "features", "settings", "marketplace", "topics",
                "collections", "login", "about", "pricing", "apps", "site", "contact", "enterprise", "explore",
                "trending", "issues", "pulls", "notifications", "search", "users");
        assertThat(GitHubNames.NOT_OWNERS).containsAll(ingest).containsAll(lineage).containsAll(cardLinks)
                .containsAll(licenceCheck).hasSize(26);
    }

    @ParameterizedTest
    @MethodSource("sitePages")
    void aSitePageIsNoOwnerForTheIngestParserNorTheLineageReaderInAnyCase(String page) {
        for (String spelt : new String[] {page, page.toUpperCase(Locale.ROOT)}) {
            String url = "https://github.com/" + spelt + "/something";
            assertThatThrownBy(() -> new SourceUrlParser().parse(ArtifactType.CODE, url))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST));
            assertThat(RepoIds.github(url)).as(url).isEmpty();
            assertThat(GitHubNames.isSitePage(spelt)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"google-research", "openai", "huggingface", "pytorch", "microsoft", "explorer", "orgs-team"})
    void realOwnersAreNotSitePages(String owner) {
        assertThat(GitHubNames.isSitePage(owner)).isFalse();
        assertThat(RepoIds.github("https://github.com/" + owner + "/repo")).contains(owner + "/repo");
        assertThat(new SourceUrlParser().parse(ArtifactType.CODE, "https://github.com/" + owner + "/repo").repoId())
                .isEqualTo(owner + "/repo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a/b/c", "a/..", "../b", "a b/c", "a/b c"})
    void onlyPlainOwnerSlashRepoIsAFullName(String name) {
        assertThat(GitHubNames.isFullName(name)).isFalse();
    }
}
