package io.modelregistry.query.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.error.RegistryException;
import io.modelregistry.hub.GitHubNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubRepositoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/google-research/bert", "https://github.com/google-research/bert/",
            "https://github.com/google-research/bert.git", "http://www.github.com/google-research/bert",
            "https://GitHub.com/google-research/bert/tree/master/README.md", "https://github.com/google-research/bert?tab=x#y",
            "https://github.com:443/google-research/bert"})
    void acceptsGitHubRepositoryUrls(String url) {
        assertThat(GitHubRepository.parse(url).fullName()).isEqualTo("google-research/bert");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "https://gitlab.com/google-research/bert", "https://github.com/",
            "https://github.com/google-research", "ftp://github.com/a/b", "https://user@github.com/a/b",
            "https://github.com:8443/a/b", "https://github.com.evil.example/a/b", "https://127.0.0.1/a/b",
            "https://github.com/orgs/google", "https://github.com/-bad/repo", "https://github.com/a/..",
            "file:///etc/passwd", "https://api.github.com/repos/a/b"})
    void refusesAnythingElseAsABadRequest(String url) {
        assertThatThrownBy(() -> GitHubRepository.parse(url)).isInstanceOf(RegistryException.class)
                .extracting(e -> ((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST);
    }

    @Test
    void aGitHubSitePageIsNoOwnerOfARepository() {
        for (String page : GitHubNames.NOT_OWNERS) {
            assertThatThrownBy(() -> GitHubRepository.parse("https://github.com/" + page + "/something")).as(page)
                    .isInstanceOf(RegistryException.class);
        }
    }
}
