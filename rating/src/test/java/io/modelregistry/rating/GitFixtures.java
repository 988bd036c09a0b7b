package io.modelregistry.rating;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Git repositories made by tests with JGit: commits by several authors, branches merged like pull requests. */
final class GitFixtures implements AutoCloseable {

    private final Git git;
    private final Path dir;
    private long clock = 1_700_000_000L;

    private GitFixtures(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** A repository with a {@code main} branch at {@code dir} (served as OWNER/REPO.git by a file: git server). */
    static GitFixtures repository(Path dir) {
        try {
            Files.createDirectories(dir);
            return new GitFixtures(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a file and commits it as {@code author}; returns the commit sha. */
    String commit(String author, String path, String content) {
        return commit(author, path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    String commit(String author, String path, byte[] content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            git.add().addFilepattern(path).call();
            PersonIdent ident = ident(author);
            RevCommit commit = git.commit().setAuthor(ident).setCommitter(ident).setMessage("change " + path).call();
            return commit.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    void branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Back to main and a merge commit of {@code branch}, as GitHub's "Merge pull request" button makes. */
    String mergeIntoMain(String branch, int pullNumber) {
        try {
            git.checkout().setName("main").call();
            PersonIdent ident = ident("web-flow");
            var result = git.merge().include(git.getRepository().resolve(branch))
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
            if (!result.getMergeStatus().isSuccessful()) {
                throw new IllegalStateException("merge failed: " + result.getMergeStatus());
            }
            return git.commit().setAuthor(ident).setCommitter(ident)
                    .setMessage("Merge pull request #" + pullNumber + " from " + branch).call().getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private PersonIdent ident(String name) {
        clock += 60;
        return new PersonIdent(name, name + "@example.org", Instant.ofEpochSecond(clock), TimeZone.getTimeZone("UTC").toZoneId());
    }

    @Override
    public void close() {
        git.close();
    }
}
