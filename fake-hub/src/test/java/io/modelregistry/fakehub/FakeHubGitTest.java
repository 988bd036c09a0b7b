package io.modelregistry.fakehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeHubGitTest {

    @Test
    void servesATestRepositoryOverSmartHttpForCloningOnly(@TempDir Path temp) throws Exception {
        Path work = temp.resolve("work");
        RevCommit commit;
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("master").call()) {
            Files.writeString(work.resolve("model.py"), "print('hi')\n");
            git.add().addFilepattern(".").call();
            commit = git.commit().setMessage("first").setSign(false)
                    .setAuthor(new PersonIdent("Ada", "ada@example.com")).setCommitter(new PersonIdent("Ada", "ada@example.com"))
                    .call();
        }
        Path repos = temp.resolve("repos");
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(repos.resolve("Acme/Model.git").toFile())
                .setBare(true).call().close();

        try (FakeHub hub = FakeHub.start()) {
            hub.serveGit(repos);
            Path clone = temp.resolve("clone");
            // owner and repo match case-insensitively, as on GitHub
            try (Git cloned = Git.cloneRepository().setURI(hub.gitServerUrl() + "/acme/model.git")
                    .setDirectory(clone.toFile()).setBare(true).call()) {
                assertThat(cloned.getRepository().resolve(Constants.HEAD)).isEqualTo(commit.getId());
            }
            assertThatThrownBy(() -> Git.cloneRepository().setURI(hub.gitServerUrl() + "/acme/missing.git")
                    .setDirectory(temp.resolve("none").toFile()).call()).isInstanceOf(InvalidRemoteException.class);
            HttpResponse<String> push = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(hub.gitServerUrl() + "/acme/model.git/info/refs?service=git-receive-pack")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(push.statusCode()).isEqualTo(403);
        }
    }
}
