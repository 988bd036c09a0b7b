package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GitServerTest {

    @Test
    void buildsCloneUrlsFromTheConfiguredServerOnly() {
        GitServer github = GitServer.of("https://github.com/", "secret-token");
        assertThat(github.cloneUri("google-research/bert")).isEqualTo("https://github.com/google-research/bert.git");
        assertThat(github.credentials()).isNotNull();
        assertThat(github.toString()).doesNotContain("secret-token");
        assertThatThrownBy(() -> github.cloneUri("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> github.cloneUri("a/b/c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenIsNeverSentOverPlainHttpOrToFiles() {
        assertThat(GitServer.of("http://127.0.0.1:8080", "t").credentials()).isNull();
        assertThat(GitServer.of(Path.of("/tmp/git").toUri().toString(), "t").credentials()).isNull();
    }

    @Test
    void fileIsAllowedOnlyAsTheConfiguredServer() {
        GitServer local = GitServer.of(Path.of("/tmp/git").toUri().toString(), null);
        assertThat(local.local()).isTrue();
        assertThat(local.cloneUri("org/code")).startsWith("file:").endsWith("/tmp/git/org/code.git");
        assertThat(GitServer.of("https://github.com", null).local()).isFalse();
        assertThatThrownBy(() -> GitServer.of("ftp://example.org", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GitServer.of("https://user:pw@github.com", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
