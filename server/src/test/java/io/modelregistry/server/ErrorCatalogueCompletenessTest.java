package io.modelregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.error.ErrorMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the catalogue of error messages ({@link ErrorMessage}) complete: the compiler already refuses a
 * {@code RegistryException} or an {@code ApiErrors} body built from a free string (no such constructor or method
 * exists); this scan of every module's main sources refuses the other ways a message could reach a client without
 * an id, and entries that nothing uses (they would count in the report's total without ever being answerable).
 */
class ErrorCatalogueCompletenessTest {

    /** A JSON error field given a literal text: {@code put("message", "...")}, {@code Map.of("error", "...")}. */
    private static final Pattern LITERAL_ERROR_FIELD =
            Pattern.compile("(put|of)\\(\\s*\"(message|error)\"\\s*,\\s*\"");
    /** A JSON error body written by hand: {@code "{\"message\":\"Something..."}. */
    private static final Pattern HAND_WRITTEN_ERROR_BODY = Pattern.compile("\\\\\"(message|error)\\\\\"\\s*:\\s*\\\\\"\\w");
    /** An error status set by hand on a servlet response. */
    private static final Pattern ERROR_STATUS_BY_HAND =
            Pattern.compile("setStatus\\(\\s*(4\\d\\d|5\\d\\d|HttpServletResponse\\.SC_(BAD|UNAUTH|FORBID|NOT|METHOD|REQUEST|CONFLICT|INTERNAL|SERVICE))");

    private static Map<Path, String> sources;

    @BeforeAll
    static void readEveryModulesMainSources() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        sources = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                if (module.getFileName().toString().equals("fake-hub")) {
                    continue; // the tests' stand-in for HuggingFace answers in the Hub's words, not the registry's
                }
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.put(root.relativize(f), read(f)));
                }
            }
        }
        assertThat(sources.keySet()).anyMatch(p -> p.endsWith("ErrorMessage.java")).hasSizeGreaterThan(200);
    }

    @Test
    void noErrorBodyIsGivenALiteralMessage() {
        assertThat(offenders(LITERAL_ERROR_FIELD)).isEmpty();
        assertThat(offenders(HAND_WRITTEN_ERROR_BODY)).isEmpty();
    }

    @Test
    void codeThatSetsAnErrorStatusByHandTakesItsMessageFromTheCatalogue() {
        List<Path> offenders = new ArrayList<>();
        sources.forEach((path, text) -> {
            if (ERROR_STATUS_BY_HAND.matcher(text).find() && !text.contains("ErrorMessage.")) {
                offenders.add(path);
            }
        });
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyEntryOfTheCatalogueIsUsedOutsideIt() {
        StringBuilder all = new StringBuilder();
        sources.forEach((path, text) -> {
            if (!path.endsWith("ErrorMessage.java")) {
                all.append(text).append('\n');
            }
        });
        List<String> unused = Stream.of(ErrorMessage.values())
                .filter(m -> !Pattern.compile("\\b" + m.name() + "\\b").matcher(all).find())
                .map(ErrorMessage::id).toList();
        assertThat(unused).isEmpty();
    }

    private static List<Path> offenders(Pattern pattern) {
        return sources.entrySet().stream().filter(e -> pattern.matcher(e.getValue()).find()).map(Map.Entry::getKey)
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
