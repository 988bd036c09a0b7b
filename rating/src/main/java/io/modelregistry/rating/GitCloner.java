package io.modelregistry.rating;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clones a repository's default branch from the configured {@link GitServer} into a temp dir: bare (no
 * checkout), no tags, with the transport timeout and an overall deadline, and cancelled as soon as the clone
 * grows beyond the size bound (checked on JGit's progress callbacks). A repository GitHub reports as larger
 * than the bound is not cloned at all. Any failure is an answer ("could not be cloned: ..."), not an error.
 */
final class GitCloner {

    private static final Logger log = LoggerFactory.getLogger(GitCloner.class);

    private final GitServer server;
    private final RatingSettings settings;

    GitCloner(GitServer server, RatingSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /** @param reportedKib the size GitHub reports (KiB), or a negative number when unknown */
    CloneEvidence clone(String fullName, String branch, long reportedKib) {
        if (reportedKib * 1024 > settings.cloneMaxBytes()) {
            return CloneEvidence.none("is " + reportedKib / 1024 + " MiB, over the clone bound of "
                    + settings.cloneMaxBytes() / (1024 * 1024) + " MiB");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("registry-rating-clone-");
        } catch (IOException e) {
            return CloneEvidence.none("could not be cloned: no temp space");
        }
        BoundedMonitor monitor = new BoundedMonitor(dir, System.nanoTime() + settings.cloneTimeout().toNanos(),
                settings.cloneMaxBytes());
        CloneCommand command = Git.cloneRepository()
                .setURI(server.cloneUri(fullName))
                .setDirectory(dir.toFile())
                .setBare(true)
                .setNoTags()
                .setTimeout((int) Math.max(1, settings.cloneTimeout().toSeconds()))
                .setProgressMonitor(monitor)
                .setCredentialsProvider(server.credentials());
        if (branch != null && !branch.isBlank()) {
            command.setBranch(branch).setCloneAllBranches(false).setBranchesToClone(List.of(Constants.R_HEADS + branch));
        }
        try {
            Repository repository = command.call().getRepository();
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                repository.close();
                LocalClone.deleteQuietly(dir);
                return CloneEvidence.none("has no commits");
            }
            return new CloneEvidence(new LocalClone(dir, repository, head), null);
        } catch (GitAPIException | IOException | RuntimeException e) {
            LocalClone.deleteQuietly(dir);
            String why = monitor.reason() != null ? monitor.reason() : e.getClass().getSimpleName();
            log.info("rating: clone of {} from {} failed ({})", fullName, server, why);
            return CloneEvidence.none("could not be cloned (" + why + ")");
        }
    }

    /** Cancels the clone at the deadline, when interrupted, or when the clone directory exceeds the size bound. */
    private static final class BoundedMonitor extends EmptyProgressMonitor {

        private static final long CHECK_EVERY_NANOS = 250_000_000L;

        private final Path dir;
        private final long deadline;
        private final long maxBytes;
        private long nextCheck;
        private volatile String reason;

        BoundedMonitor(Path dir, long deadline, long maxBytes) {
            this.dir = dir;
            this.deadline = deadline;
            this.maxBytes = maxBytes;
        }

        String reason() {
            return reason;
        }

        @Override
        public boolean isCancelled() {
            long now = System.nanoTime();
            if (Thread.currentThread().isInterrupted()) {
                reason = "interrupted";
            } else if (now > deadline) {
                reason = "timed out";
            } else if (now > nextCheck) {
                nextCheck = now + CHECK_EVERY_NANOS;
                if (sizeOf(dir) > maxBytes) {
                    reason = "over the clone size bound of " + maxBytes / (1024 * 1024) + " MiB";
                }
            }
            return reason != null;
        }

        private static long sizeOf(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
            } catch (IOException | java.io.UncheckedIOException e) {
                return 0;
            }
        }
    }
}
