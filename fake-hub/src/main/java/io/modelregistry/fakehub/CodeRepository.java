package io.modelregistry.fakehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A code repository a test builds with JGit, with the pull-request history GitHub would know about it: direct
 * commits by several authors, pull requests whose commits sit on their own branch until a merge commit (GitHub's
 * "Merge pull request" button) brings them in, with or without an approving review, and pull requests closed
 * unmerged. {@link FakeHub#serve(CodeRepository)} then serves it over git and answers GitHub's repository,
 * contributors, pulls, reviews and commit-to-pulls endpoints for it.
 *
 * <p>An author's name is their GitHub login (e-mail {@code login@example.org}). Time starts at a fixed instant
 * and moves one minute per commit, so shas are the same on every run.
 */
public final class CodeRepository implements AutoCloseable {

    /** One review of a pull request, as GitHub lists it; {@code state} is APPROVED, COMMENTED or CHANGES_REQUESTED. */
    public record Review(String login, String state) {
        public static Review approved(String login) {
            return new Review(login, "APPROVED");
        }

        public static Review commented(String login) {
            return new Review(login, "COMMENTED");
        }

        public static Review changesRequested(String login) {
            return new Review(login, "CHANGES_REQUESTED");
        }
    }

    /**
     * A pull request: the commits of its branch, and when it was merged (null if closed unmerged or open) by which
     * merge commit.
     */
    public record PullRequest(int number, String author, String headBranch, List<String> commits, Instant createdAt,
                              Instant closedAt, Instant mergedAt, String mergeCommit, List<Review> reviews) {
        public PullRequest {
            commits = List.copyOf(commits);
            reviews = List.copyOf(reviews);
        }

        public boolean merged() {
            return mergedAt != null;
        }
    }

    private final Path work;
    private final Git git;
    private final String owner;
    private final String name;
    private final String defaultBranch;
    private String ownerType = "Organization";
    private long clock = 1_700_000_000L;
    private final Map<Integer, PullRequest> pulls = new LinkedHashMap<>();
    private final List<String> allCommits = new ArrayList<>();
    private Integer openPull;
    private Instant openSince;
    private final List<String> openCommits = new ArrayList<>();
    private String openAuthor;

    private CodeRepository(Path work, Git git, String owner, String name, String defaultBranch) {
        this.work = work;
        this.git = git;
        this.owner = owner;
        this.name = name;
        this.defaultBranch = defaultBranch;
    }

    /** An empty repository in {@code workDir} (a fresh directory), whose default branch is {@code defaultBranch}. */
    public static CodeRepository create(Path workDir, String owner, String name, String defaultBranch) {
        try {
            Files.createDirectories(workDir);
            Git git = Git.init().setDirectory(workDir.toFile()).setInitialBranch(defaultBranch).call();
            return new CodeRepository(workDir, git, owner, name, defaultBranch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The owner's type GitHub reports when the fixtures record no metadata for it ("Organization" or "User"). */
    public CodeRepository ownerType(String type) {
        this.ownerType = type;
        return this;
    }

    /** Writes one file and commits it as {@code author}, on the open pull request's branch if there is one. */
    public String commit(String author, String path, String content) {
        return commit(author, Map.of(path, content), "change " + path);
    }

    public String commit(String author, Map<String, String> files, String message) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = work.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                git.add().addFilepattern(file.getKey()).call();
            }
            PersonIdent who = ident(author);
            RevCommit commit = git.commit().setMessage(message).setSign(false).setAuthor(who).setCommitter(who).call();
            allCommits.add(commit.getName());
            if (openPull != null) {
                openCommits.add(commit.getName());
            }
            return commit.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens pull request {@code number} by {@code author}: later commits go to its branch until it is merged or closed. */
    public CodeRepository openPullRequest(int number, String author) {
        if (openPull != null) {
            throw new IllegalStateException("pull request #" + openPull + " is still open");
        }
        if (allCommits.isEmpty()) {
            throw new IllegalStateException("commit to " + defaultBranch + " before opening a pull request");
        }
        try {
            git.checkout().setCreateBranch(true).setName("pr-" + number).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        openPull = number;
        openAuthor = author;
        openSince = Instant.ofEpochSecond(clock);
        openCommits.clear();
        return this;
    }

    /** Merges the open pull request into the default branch with a merge commit by {@code mergedBy}; returns its sha. */
    public String mergePullRequest(String mergedBy, Review... reviews) {
        int number = requireOpen();
        try {
            git.checkout().setName(defaultBranch).call();
            var result = git.merge().include(git.getRepository().resolve("pr-" + number))
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
            if (!result.getMergeStatus().isSuccessful()) {
                throw new IllegalStateException("merge failed: " + result.getMergeStatus());
            }
            PersonIdent who = ident(mergedBy);
            PersonIdent gitHub = new PersonIdent("GitHub", "noreply@github.com", who.getWhenAsInstant(), ZoneOffset.UTC);
            String sha = git.commit().setSign(false).setAuthor(who).setCommitter(gitHub)
                    .setMessage("Merge pull request #" + number + " from " + owner + "/pr-" + number).call().getName();
            allCommits.add(sha);
            Instant at = Instant.ofEpochSecond(clock);
            pulls.put(number, new PullRequest(number, openAuthor, "pr-" + number, openCommits, openSince, at, at, sha,
                    List.of(reviews)));
            openPull = null;
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the open pull request without merging: its commits never reach the default branch. */
    public CodeRepository closePullRequest(Review... reviews) {
        int number = requireOpen();
        try {
            git.checkout().setName(defaultBranch).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        clock += 60;
        Instant at = Instant.ofEpochSecond(clock);
        pulls.put(number, new PullRequest(number, openAuthor, "pr-" + number, openCommits, openSince, at, null, null,
                List.of(reviews)));
        openPull = null;
        return this;
    }

    private int requireOpen() {
        if (openPull == null) {
            throw new IllegalStateException("no pull request is open");
        }
        return openPull;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String fullName() {
        return owner + "/" + name;
    }

    public String defaultBranch() {
        return defaultBranch;
    }

    String ownerType() {
        return ownerType;
    }

    /** Pull requests by number, in the order they were merged or closed. */
    public List<PullRequest> pullRequests() {
        return List.copyOf(pulls.values());
    }

    /** Every commit made, on any branch. */
    List<String> allCommits() {
        return List.copyOf(allCommits);
    }

    /** Commits per author login on the default branch, as GitHub's contributors list counts them. */
    Map<String, Long> commitsPerAuthor() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            for (RevCommit commit : git.log().add(git.getRepository().resolve(defaultBranch)).call()) {
                counts.merge(commit.getAuthorIdent().getName(), 1L, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** Writes the bare repository {@code <root>/<owner>/<name>.git} (the layout {@link FakeHub#serveGit} serves). */
    void publish(Path root) {
        Path bare = root.resolve(owner).resolve(name + ".git");
        try {
            Git.cloneRepository().setURI(work.toUri().toString()).setBare(true).setBranch(defaultBranch)
                    .setDirectory(bare.toFile()).call().close();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot publish " + fullName(), e);
        }
    }

    private PersonIdent ident(String login) {
        clock += 60;
        return new PersonIdent(login, login.toLowerCase(Locale.ROOT) + "@example.org", Instant.ofEpochSecond(clock),
                ZoneOffset.UTC);
    }

    @Override
    public void close() {
        git.close();
    }
}
