package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.hub.RepoPaths;
import io.modelregistry.rating.GitServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every file of a GitHub repository at one commit, stored as blobs: one shallow git fetch (depth 1, no tags) of
 * the branch from {@code GITHUB_SERVER_URL} into a temporary bare repository, then each regular file of the
 * commit's tree streamed into the blob store, verified against its git blob id and size ({@link VerifiedFiles}).
 * Git names every object by its content, so the commit pins the tree and the tree pins every file; the check as
 * the bytes leave the local repository makes sure no other bytes become the blob.
 *
 * <p>Bounded by {@link GitFetchSettings}: the fetch is cancelled past the time bound or when its pack on disk
 * grows past the total bound plus the per-file bound (room for what is stored and one file that is not); files past the file count, one file past the per-file bound, and files once the
 * stored total would pass the total bound are listed, not stored, and the note says how many. Symbolic links and
 * submodules are not files: they are neither listed nor stored (the note counts them). Any failure to fetch
 * (no git server, unknown branch, cancelled) is an answer, not an error: the caller keeps what the REST API gave.
 */
@Component
class GitRepositoryFiles {

    private static final Logger log = LoggerFactory.getLogger(GitRepositoryFiles.class);
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private final GitServer server;
    private final GitFetchSettings settings;
    private final BlobStore blobs;

    @Autowired
    GitRepositoryFiles(HubProperties hub, GitFetchSettings settings, BlobStore blobs) {
        this(GitServer.of(hub.githubServerUrl(), hub.githubToken()), settings, blobs);
    }

    GitRepositoryFiles(GitServer server, GitFetchSettings settings, BlobStore blobs) {
        this.server = server;
        this.settings = settings;
        this.blobs = blobs;
    }

    /**
     * @param listing       every regular file of the commit (path, size, {@code git-sha1:} id; {@code stored} and a
     *                      {@code sha256:} hash for the stored ones), at most the file bound
     * @param declaredBytes the sum of every file's size, listed or not
     */
    record Snapshot(String commit, List<PackageFile> listing, List<VerifiedFiles.StoredFile> stored,
                    long declaredBytes, String note) {
    }

    /** @return the files of the branch's head commit, or empty (with the reason logged) when git cannot say */
    Optional<Snapshot> fetch(String fullName, String branch) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Path dir;
        try {
            dir = Files.createTempDirectory("registry-ingest-git-");
        } catch (IOException e) {
            log.warn("ingest: no temp space to fetch {} with git", fullName);
            return Optional.empty();
        }
        long packBound = settings.maxTotalBytes().toBytes() + settings.maxFileBytes().toBytes();
        BoundedMonitor monitor = new BoundedMonitor(dir, deadline, packBound);
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call()) {
            String remoteRef = COMMIT.matcher(branch).matches() ? branch : Constants.R_HEADS + branch;
            String local = "refs/registry/ingest";
            FetchResult result = git.fetch()
                    .setRemote(server.cloneUri(fullName))
                    .setRefSpecs(new RefSpec("+" + remoteRef + ":" + local))
                    .setDepth(1)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setTimeout((int) Math.max(1, settings.timeout().toSeconds()))
                    .setProgressMonitor(monitor)
                    .setCredentialsProvider(server.credentials())
                    .call();
            if (BoundedMonitor.sizeOf(dir) > packBound) {
                // the monitor checks now and then; a fetch that finished in between is measured here
                log.info("ingest: git fetch of {} is over {} bytes on disk; not stored", fullName, packBound);
                return Optional.empty();
            }
            Repository repository = git.getRepository();
            ObjectId head = repository.resolve(local);
            if (head == null) {
                log.info("ingest: git fetch of {} {} gave no commit ({})", fullName, branch, result.getMessages());
                return Optional.empty();
            }
            return Optional.of(files(repository, head, deadline));
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (e instanceof io.modelregistry.api.error.RegistryException registry) {
                throw registry; // a file that is not what git named: the ingest fails, nothing half-stored is named
            }
            String why = monitor.reason() != null ? monitor.reason() : e.getClass().getSimpleName() + ": " + e.getMessage();
            log.info("ingest: git fetch of {} from {} failed ({})", fullName, server, why);
            return Optional.empty();
        } finally {
            deleteQuietly(dir);
        }
    }

    private Snapshot files(Repository repository, ObjectId head, long deadline) throws IOException {
        List<PackageFile> listing = new ArrayList<>();
        List<VerifiedFiles.StoredFile> stored = new ArrayList<>();
        long declared = 0;
        long storedBytes = 0;
        int unlisted = 0;
        int tooLarge = 0;
        int overTotal = 0;
        int outOfTime = 0;
        int notFiles = 0;
        int unsafe = 0;
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader();
             TreeWalk tree = new TreeWalk(repository, reader)) {
            RevCommit commit = walk.parseCommit(head);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    notFiles++;
                    continue;
                }
                String path = tree.getPathString();
                ObjectId id = tree.getObjectId(0);
                long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                declared += size;
                if (!RepoPaths.isStorable(path)) {
                    unsafe++;
                    continue;
                }
                if (listing.size() >= settings.maxFiles()) {
                    unlisted++;
                    continue;
                }
                PackageFile listed = new PackageFile(path, size, "git-sha1:" + id.name(), false);
                if (size > settings.maxFileBytes().toBytes()) {
                    tooLarge++;
                    listing.add(listed);
                    continue;
                }
                if (storedBytes + size > settings.maxTotalBytes().toBytes()) {
                    overTotal++;
                    listing.add(listed);
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    outOfTime++;
                    listing.add(listed);
                    continue;
                }
                VerifiedFiles.StoredFile file;
                try (InputStream in = reader.open(id, Constants.OBJ_BLOB).openStream()) {
                    file = VerifiedFiles.store("GitHub", in, listed, blobs);
                }
                stored.add(file);
                storedBytes += size;
                listing.add(new PackageFile(path, size, "sha256:" + file.sha256(), true));
            }
            String note = Notes.join(
                    "stored every file of commit " + commit.name() + " fetched with git"
                            + (stored.size() < listing.size() ? " within the bounds" : ""),
                    unlisted > 0 ? unlisted + " files beyond the first " + settings.maxFiles()
                            + " are not listed (counted in the declared size)" : null,
                    tooLarge > 0 ? tooLarge + " files over " + settings.maxFileBytes().toBytes() + " bytes are listed, not stored" : null,
                    overTotal > 0 ? overTotal + " files past " + settings.maxTotalBytes().toBytes() + " bytes in total are listed, not stored"
                            : null,
                    outOfTime > 0 ? outOfTime + " files are listed, not stored: the git time bound of "
                            + settings.timeout().toSeconds() + " s ran out" : null,
                    notFiles > 0 ? notFiles + " symbolic links or submodules are not stored" : null,
                    unsafe > 0 ? unsafe + " files with unusable paths were ignored" : null);
            return new Snapshot(commit.name(), listing, stored, declared, note);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a temp file left behind is the OS's to clean
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }

    /** Cancels the fetch at the deadline, when interrupted, or when the fetched pack exceeds the size bound. */
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
                    reason = "the fetched pack is over " + maxBytes / (1000 * 1000) + " MB";
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
            } catch (IOException | UncheckedIOException e) {
                return 0;
            }
        }
    }
}
