package io.modelregistry.command.upload;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an upload's zip waits while it is checked and stored: one temporary file per request under
 * {@code <data-dir>/uploads}, written as the body arrives (64 KiB at a time, never whole in memory), at most
 * {@code maxBytes}, and deleted when the request ends, whatever its outcome. Files left by a crash are deleted at
 * start-up. Multipart bodies are written here too (the servlet container's multipart location).
 */
final class UploadSpool {

    private static final Logger log = LoggerFactory.getLogger(UploadSpool.class);
    static final String SUFFIX = ".upload";

    private final Path directory;
    private final long maxBytes;

    UploadSpool(Path directory, long maxBytes) {
        this.directory = directory.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    Path directory() {
        return directory;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Creates the directory and deletes what an earlier process left in it. */
    void prepare() throws IOException {
        Files.createDirectories(directory);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory)) {
            for (Path leftover : leftovers) {
                if (Files.isRegularFile(leftover)) {
                    Files.deleteIfExists(leftover);
                    log.info("deleted an upload left unfinished by an earlier run: {}", leftover.getFileName());
                }
            }
        }
    }

    /** A fresh path in the spool, not yet created. */
    Path newFile() throws IOException {
        Files.createDirectories(directory);
        return directory.resolve(UUID.randomUUID() + SUFFIX);
    }

    /** Writes {@code body} to a new spool file; refuses (413) past {@code maxBytes}, deleting what was written. */
    Path receive(InputStream body) throws IOException {
        Path file = newFile();
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            done = true;
            return file;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    static RegistryException tooLarge(long maxBytes) {
        return ErrorMessage.UPLOAD_UPLOAD_LARGER_BYTES_REGISTRY.exception(maxBytes);
    }
}
