package io.modelregistry.fakehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every fixture file, read into memory once (about 1.4 MB). Serving only from this map means a request
 * path can never reach a file outside the fixture tree, whatever it contains.
 */
final class FixtureStore {

    private static final String ROOT = "hub-fixtures";
    private static final int MAX_FILES = 10_000;

    private final Map<String, byte[]> files;
    /** Lower-cased path → real path, for services whose ids are case-insensitive (GitHub). */
    private final Map<String, String> caseless;

    private FixtureStore(Map<String, byte[]> files) {
        this.files = Map.copyOf(files);
        Map<String, String> lower = new HashMap<>();
        files.keySet().forEach(path -> lower.putIfAbsent(path.toLowerCase(Locale.ROOT), path));
        this.caseless = Map.copyOf(lower);
    }

    static FixtureStore loadFromClasspath() {
        URL marker = FixtureStore.class.getClassLoader().getResource(ROOT + "/NOTES.md");
        if (marker == null) {
            throw new IllegalStateException("hub fixtures are not on the classpath (" + ROOT + "/NOTES.md)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                return loadFromJar(uri);
            }
            return load(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate hub fixtures at " + marker, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hub fixtures", e);
        }
    }

    private static FixtureStore loadFromJar(URI uri) throws IOException {
        FileSystem created = null;
        FileSystem jar;
        try {
            jar = created = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri); // opened by someone else in this JVM: use, don't close
        }
        try {
            return load(jar.provider().getPath(uri).getParent());
        } finally {
            if (created != null) {
                created.close();
            }
        }
    }

    private static FixtureStore load(Path root) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> regular = walk.filter(Files::isRegularFile).limit(MAX_FILES).toList();
            for (Path file : regular) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                files.put(relative, Files.readAllBytes(file));
            }
        }
        return new FixtureStore(files);
    }

    Optional<byte[]> get(String relativePath) {
        return Optional.ofNullable(files.get(relativePath));
    }

    boolean exists(String relativePath) {
        return files.containsKey(relativePath);
    }

    Optional<byte[]> getIgnoringCase(String relativePath) {
        byte[] exact = files.get(relativePath);
        if (exact != null) {
            return Optional.of(exact);
        }
        String real = caseless.get(relativePath.toLowerCase(Locale.ROOT));
        return real == null ? Optional.empty() : Optional.of(files.get(real));
    }

    /** Fixture paths of the form {@code folder/ORG/NAME<suffix>} (exactly two levels below), sorted. */
    List<String> listRepoFiles(String folder, String suffix) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return files.keySet().stream()
                .filter(p -> p.startsWith(prefix) && p.endsWith(suffix))
                .filter(p -> p.substring(prefix.length()).chars().filter(c -> c == '/').count() == 1)
                .sorted()
                .toList();
    }
}
