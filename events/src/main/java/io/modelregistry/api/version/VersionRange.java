package io.modelregistry.api.version;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * A version query: an exact version ({@code 1.2.3}), a bounded inclusive range ({@code 1.2.3-2.1.0}, spaces around
 * the hyphen allowed), a tilde range ({@code ~1.2.0}: {@code >=1.2.0 <1.3.0}) or a caret range ({@code ^1.2.0}:
 * {@code >=1.2.0 <2.0.0}), each operand a full semantic version, a {@code v} prefix allowed. Ranges have npm's
 * (and semver4j's) semantics: a pre-release matches a range only when one of the range's own bounds is a
 * pre-release of the same {@code MAJOR.MINOR.PATCH} (so {@code ^1.2.0} does not match {@code 1.3.0-rc.1}, but
 * {@code ^1.3.0-rc.0} does); an exact query matches its version only, pre-release or not. Build metadata never
 * counts (semver precedence ignores it).
 *
 * <p>{@code 1.2.3-2.1.0} is also a valid semantic version (pre-release {@code 2.1.0}); the registry reads it as a
 * range whenever the part after a hyphen is itself a full version, so such a pre-release cannot be asked for
 * exactly (the range that it reads instead still contains it only when its bounds say so).
 *
 * <p>Operands are re-written from their normalised form before semver4j sees them, so no other operator of
 * semver4j's range language ({@code ||}, {@code *}, {@code x}) can be smuggled in.
 */
public final class VersionRange {

    private static final Pattern SPACED_HYPHEN = Pattern.compile("\\s+-\\s+");

    private final String text;
    private final String exact;
    private final RangesList ranges;

    private VersionRange(String text, String exact, RangesList ranges) {
        this.text = text;
        this.exact = exact;
        this.ranges = ranges;
    }

    /** The query, or a 400 saying which forms are accepted. */
    public static VersionRange parse(String query) {
        if (query == null || query.isBlank()) {
            throw invalid(query, "it is empty");
        }
        if (query.length() > 2 * SemanticVersions.MAX_LENGTH + 3) {
            throw invalid(query, "it is too long");
        }
        String q = SPACED_HYPHEN.matcher(query.strip()).replaceFirst("-");
        if (q.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(query, "only a bounded range may contain spaces, around its hyphen");
        }
        if (q.startsWith("~") || q.startsWith("^")) {
            String operand = SemanticVersions.tryNormalise(q.substring(1))
                    .orElseThrow(() -> invalid(query, "'" + q.charAt(0) + "' must be followed by a full version"));
            return new VersionRange(q.charAt(0) + operand, null, RangesListFactory.create(q.charAt(0) + operand));
        }
        Optional<String[]> bounds = bounds(q);
        if (bounds.isPresent()) {
            String low = bounds.get()[0];
            String high = bounds.get()[1];
            if (SemanticVersions.PRECEDENCE.compare(low, high) > 0) {
                throw invalid(query, "its lower bound " + low + " is above its upper bound " + high);
            }
            return new VersionRange(low + "-" + high, null, RangesListFactory.create(">=" + low + " <=" + high));
        }
        String version = SemanticVersions.tryNormalise(q).orElseThrow(() -> invalid(query, "it is no version"));
        return new VersionRange(version, version, null);
    }

    /**
     * Splits {@code LOW-HIGH} at the first hyphen whose both sides are versions (the low bound may be a
     * pre-release with hyphens of its own: {@code 1.0.0-rc.1-2.0.0}).
     */
    private static Optional<String[]> bounds(String q) {
        for (int i = q.indexOf('-'); i > 0; i = q.indexOf('-', i + 1)) {
            var low = SemanticVersions.tryNormalise(q.substring(0, i));
            var high = SemanticVersions.tryNormalise(q.substring(i + 1));
            if (low.isPresent() && high.isPresent()) {
                return Optional.of(new String[] {low.get(), high.get()});
            }
        }
        return Optional.empty();
    }

    private static RegistryException invalid(String query, String why) {
        return ErrorMessage.VERSION_VERSION_VERSION_QUERY_USE.exception(SemanticVersions.abbreviate(query), why);
    }

    /** Whether {@code version} (a normalised version) is in this range. */
    public boolean matches(String version) {
        Semver parsed = SemanticVersions.parse(version);
        if (exact != null) {
            return parsed.compareTo(SemanticVersions.parse(exact)) == 0;
        }
        return parsed.satisfies(ranges);
    }

    /** The versions of {@code versions} in this range, in their order. */
    public List<String> filter(Collection<String> versions) {
        return versions.stream().filter(this::matches).toList();
    }

    /** An exact query's version, if this is one: a store can look it up instead of filtering. */
    public Optional<String> exactVersion() {
        return Optional.ofNullable(exact);
    }

    @Override
    public String toString() {
        return text;
    }
}
