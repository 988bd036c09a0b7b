package io.modelregistry.api.error;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes which catalogue entries the registry has answered a client with, so that the build can report how many of
 * them its tests produce. Off unless the environment variable {@value #FILE_VARIABLE} (or the system property
 * {@value #FILE_PROPERTY}) names a file: then each id is appended to it once per process, a line each. The test
 * runs set it, and the jars they start inherit it; a registry in production never has it set.
 *
 * <p>Static on purpose: the answers are written from places no container manages (the servlet container's error
 * valve, filters), and the set only spares the file a line per repeated refusal. Writing never fails a request.
 */
public final class ProducedErrors {

    public static final String FILE_VARIABLE = "REGISTRY_ERROR_IDS_FILE";
    public static final String FILE_PROPERTY = "registry.error-ids-file";

    private static final Path FILE = configured();
    private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();

    private ProducedErrors() {
    }

    /** Records that a client was answered with {@code message}. */
    public static void record(ErrorMessage message) {
        if (FILE == null || !WRITTEN.add(message.id())) {
            return;
        }
        try {
            // one short append per line: the test JVMs and the jars they start write the same file side by side
            Files.writeString(FILE, message.id() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            WRITTEN.remove(message.id());
        }
    }

    private static Path configured() {
        String named = System.getProperty(FILE_PROPERTY, System.getenv(FILE_VARIABLE));
        if (named == null || named.isBlank()) {
            return null;
        }
        Path file = Path.of(named).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return null;
        }
        return file;
    }
}
