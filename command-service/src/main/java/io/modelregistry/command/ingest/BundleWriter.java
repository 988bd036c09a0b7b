package io.modelregistry.command.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.hub.RepoPaths;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes an ingested source as one zip into the blob store: {@value RepoPaths#MANIFEST} first (source url,
 * kind, repo id, revisions, fetch time, every listed file with size, hash and whether it is stored), then
 * the stored files under their repo paths. The zip is streamed into {@link BlobStore#put} through a pipe,
 * so it is never held in memory twice; when this returns, the bundle is durable.
 */
@Component("ingestBundleWriter")
final class BundleWriter {

    private static final int PIPE_BUFFER = 64 * 1024;
    private static final long WRITER_JOIN_MILLIS = 10_000;

    private final BlobStore blobs;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    BundleWriter(BlobStore blobs) {
        this(blobs, Clock.systemUTC());
    }

    BundleWriter(BlobStore blobs, Clock clock) {
        this.blobs = blobs;
        this.clock = clock;
    }

    StoredPackage store(String sourceUrl, SourceRef requested, FetchedSource fetched) {
        Instant fetchedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] manifest = manifest(sourceUrl, requested, fetched, fetchedAt);
        BlobStore.StoredBlob blob;
        try {
            blob = streamInto(out -> writeZip(out, manifest, fetched.storedFiles(), fetchedAt));
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Kind.INTERNAL, "The package could not be stored.", e);
        }
        return new StoredPackage(blob.digest(), blob.sizeBytes(), fetched.declaredBytes(), fetched.files());
    }

    private byte[] manifest(String sourceUrl, SourceRef requested, FetchedSource fetched, Instant fetchedAt) {
        SourceRef source = fetched.source();
        ObjectNode root = json.createObjectNode();
        root.put("format", 1);
        root.put("source_url", sourceUrl);
        root.put("kind", source.kind().name());
        root.put("repo_id", source.repoId());
        root.put("requested_revision", requested.revision());
        root.put("revision", source.revision());
        root.put("sub_path", source.subPath());
        root.put("canonical_url", source.canonicalUrl());
        root.put("fetched_at", fetchedAt.toString());
        root.put("declared_bytes", fetched.declaredBytes());
        root.put("licence", fetched.licence());
        root.put("note", fetched.note());
        ArrayNode files = root.putArray("files");
        for (PackageFile file : fetched.files()) {
            files.addObject()
                    .put("path", file.path())
                    .put("size", file.sizeBytes())
                    .put("hash", file.contentHash())
                    .put("stored", file.stored());
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the bundle manifest", e);
        }
    }

    private static void writeZip(OutputStream out, byte[] manifest, Map<String, byte[]> files, Instant fetchedAt)
            throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, RepoPaths.MANIFEST, manifest, fetchedAt);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!RepoPaths.isStorable(file.getKey())) {
                    throw new IllegalStateException("unsafe bundle path reached the writer");
                }
                entry(zip, file.getKey(), file.getValue(), fetchedAt);
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content, Instant time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(time));
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private interface ZipSource {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Runs the writer on its own thread into a pipe that {@link BlobStore#put} reads. A writer failure surfaces
     * as an IOException at the reader's end of stream, so a broken zip is never reported as stored.
     */
    private BlobStore.StoredBlob streamInto(ZipSource source) throws IOException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        PipedInputStream pipe = new PipedInputStream(PIPE_BUFFER);
        PipedOutputStream writerEnd = new PipedOutputStream(pipe);
        Thread writer = new Thread(() -> {
            try {
                source.writeTo(writerEnd);
            } catch (Throwable t) {
                failure.compareAndSet(null, t); // before closing: the reader checks it at end of stream
            } finally {
                closeQuietly(writerEnd);
            }
        }, "bundle-writer");
        writer.setDaemon(true);
        writer.start();
        try (InputStream in = new FailureAwareStream(pipe, failure)) {
            return blobs.put(in);
        } finally {
            try {
                writer.join(WRITER_JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // the reader went away; it reports its own failure
        }
    }

    /** Turns end-of-stream into an error when the writer failed, instead of a silently short zip. */
    private static final class FailureAwareStream extends FilterInputStream {
        private final AtomicReference<Throwable> failure;

        FailureAwareStream(InputStream in, AtomicReference<Throwable> failure) {
            super(in);
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            return check(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return check(super.read(b, off, len));
        }

        private int check(int result) throws IOException {
            if (result == -1 && failure.get() != null) {
                throw new IOException("writing the bundle failed", failure.get());
            }
            return result;
        }
    }
}
