package io.modelregistry.api.version;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.semver4j.Semver;

/**
 * The one place versions are read: every version the registry stores or compares went through
 * {@link #normalise(String)}, so two spellings of one version ({@code v1.2.0}, {@code 1.2.0}) are one string.
 * Precedence is semantic versioning's (pre-releases below their release, build metadata ignored), so two versions
 * that differ only in build metadata are the same version for the registry: an artifact cannot have both.
 */
public final class SemanticVersions {

    /** Longer than any real version; bounds what a request can make the parser look at. */
    public static final int MAX_LENGTH = 128;

    /** Highest precedence last; build metadata does not order (semver §10). */
    public static final Comparator<String> PRECEDENCE = (a, b) -> parse(a).compareTo(parse(b));

    private SemanticVersions() {
    }

    /**
     * The version as the registry stores it: strict semver ({@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}), a leading
     * {@code v} or {@code V} stripped; anything else is a 400 naming the value.
     */
    public static String normalise(String version) {
        return tryNormalise(version).orElseThrow(() -> ErrorMessage.VERSION_SEMANTIC_VERSION_EXPECTED_MAJOR.exception(abbreviate(version)));
    }

    /** As {@link #normalise(String)}, empty instead of a 400 (for tags and other text that may not be a version). */
    public static Optional<String> tryNormalise(String version) {
        if (version == null || version.isBlank() || version.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String trimmed = version.strip();
        // semver4j also accepts "v1.2.3"; "V" and inner whitespace are ours to refuse or strip.
        if (trimmed.startsWith("V")) {
            trimmed = "v" + trimmed.substring(1);
        }
        if (trimmed.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        Semver parsed = Semver.parse(trimmed);
        return parsed == null ? Optional.empty() : Optional.of(parsed.getVersion());
    }

    public static boolean isVersion(String version) {
        return tryNormalise(version).isPresent();
    }

    /** The same version for the registry: equal precedence (build metadata ignored). */
    public static boolean same(String a, String b) {
        return PRECEDENCE.compare(a, b) == 0;
    }

    /** The latest of {@code versions} by precedence; empty for none. */
    public static Optional<String> latest(Collection<String> versions) {
        return versions.stream().max(PRECEDENCE);
    }

    static Semver parse(String normalised) {
        Semver parsed = Semver.parse(normalised);
        if (parsed == null) {
            throw new IllegalArgumentException("not a normalised semantic version: " + abbreviate(normalised));
        }
        return parsed;
    }

    static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
