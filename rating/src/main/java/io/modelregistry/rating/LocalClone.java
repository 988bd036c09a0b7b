package io.modelregistry.rating;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A bare clone of a repository's default branch in a temp dir, read with JGit: the files at its head, commits
 * per author, and blame. Deleted on close. Every walk is bounded by a count and, for blame, a deadline.
 */
final class LocalClone implements AutoCloseable {

    private final Path dir;
    private final Repository repository;
    private final ObjectId head;

    LocalClone(Path dir, Repository repository, ObjectId head) {
        this.dir = dir;
        this.repository = repository;
        this.head = head;
    }

    /** One file at the head: its path and size in bytes. */
    record HeadFile(String path, long size, ObjectId blob) {
    }

    List<HeadFile> files(int max) {
        List<HeadFile> files = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            RevCommit commit = walk.parseCommit(head);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next() && files.size() < max) {
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                ObjectId blob = tree.getObjectId(0);
                files.add(new HeadFile(tree.getPathString(), repository.getObjectDatabase().open(blob).getSize(), blob));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cloned tree", e);
        }
        return files;
    }

    /** Commits per author (e-mail, lower case) over the newest {@code maxCommits} commits of the default branch. */
    Map<String, Long> commitsPerAuthor(int maxCommits) {
        Map<String, Long> counts = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head));
            int seen = 0;
            for (RevCommit commit : walk) {
                if (seen++ >= maxCommits) {
                    break;
                }
                PersonIdent author = commit.getAuthorIdent();
                String key = author.getEmailAddress() == null || author.getEmailAddress().isBlank()
                        ? author.getName() : author.getEmailAddress().toLowerCase(Locale.ROOT);
                counts.merge(key, 1L, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk the cloned history", e);
        }
        return counts;
    }

    /** Whether a blob is text (no NUL byte in its first 8000 bytes, as git decides). */
    boolean isText(HeadFile file) {
        try {
            ObjectLoader loader = repository.getObjectDatabase().open(file.blob());
            byte[] bytes = loader.getCachedBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(file.size(), 1)));
            return !RawText.isBinary(bytes);
        } catch (IOException e) {
            return false;
        }
    }

    /** What blaming the head found: non-blank lines per commit sha, and how much was examined. */
    record Blame(Map<String, Long> linesByCommit, int filesBlamed, int filesSkipped, boolean outOfTime) {
        long lines() {
            return linesByCommit.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Blames the head's files that {@code codePath} accepts, in path order, up to {@code maxFiles} files of at
     * most {@code maxFileBytes} each, stopping at {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    Blame blame(Predicate<String> codePath, int maxFiles, long maxFileBytes, long deadlineNanos) {
        List<HeadFile> candidates = files(100_000).stream()
                .filter(f -> codePath.test(f.path()) && f.size() <= maxFileBytes)
                .sorted(Comparator.comparing(HeadFile::path))
                .toList();
        Map<String, Long> lines = new HashMap<>();
        int blamed = 0;
        int skipped = 0;
        boolean outOfTime = false;
        try (Git git = new Git(repository)) {
            for (HeadFile file : candidates) {
                if (blamed >= maxFiles) {
                    skipped++;
                    continue;
                }
                if (System.nanoTime() > deadlineNanos || Thread.currentThread().isInterrupted()) {
                    outOfTime = true;
                    skipped++;
                    continue;
                }
                if (!isText(file)) {
                    continue;
                }
                BlameResult result = git.blame().setStartCommit(head).setFilePath(file.path()).call();
                if (result == null) {
                    continue;
                }
                RawText text = result.getResultContents();
                for (int i = 0; i < text.size(); i++) {
                    RevCommit source = result.getSourceCommit(i);
                    if (source != null && !text.getString(i).isBlank()) {
                        lines.merge(source.getName(), 1L, Long::sum);
                    }
                }
                blamed++;
            }
        } catch (GitAPIException e) {
            throw new IllegalStateException("blame failed: " + e.getClass().getSimpleName(), e);
        }
        return new Blame(lines, blamed, skipped, outOfTime);
    }

    @Override
    public void close() {
        repository.close();
        deleteQuietly(dir);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless; the OS cleans its temp dir
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // as above
        }
    }
}
