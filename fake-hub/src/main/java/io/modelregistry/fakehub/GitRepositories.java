package io.modelregistry.fakehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Repositories a test creates for {@link FakeHub#serveGit}: one commit of the given files on one branch, as a
 * bare repository {@code <root>/<owner>/<repo>.git}.
 */
public final class GitRepositories {

    private GitRepositories() {
    }

    /** @return the commit's sha */
    public static String commit(Path root, String owner, String repo, Map<String, byte[]> files) {
        return commit(root, owner, repo, "main", files);
    }

    /** @return the commit's sha, the head of {@code branch} */
    public static String commit(Path root, String owner, String repo, String branch, Map<String, byte[]> files) {
        try {
            Path work = Files.createTempDirectory("fake-hub-git-work-");
            String sha;
            try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch(branch).call()) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Path path = work.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.write(path, file.getValue());
                }
                git.add().addFilepattern(".").call();
                PersonIdent ident = new PersonIdent("Ada", "ada@example.org", Instant.ofEpochSecond(1_700_000_000L),
                        ZoneOffset.UTC);
                sha = git.commit().setMessage("files").setSign(false).setAuthor(ident).setCommitter(ident).call().getName();
            }
            Git.cloneRepository().setURI(work.toUri().toString()).setBare(true)
                    .setDirectory(root.resolve(owner).resolve(repo + ".git").toFile()).call().close();
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }
}
