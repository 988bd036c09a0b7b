package io.modelregistry.projection.search.query;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.api.version.VersionRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A version range resolved against the distinct version terms of an index, never against its documents: every
 * version of every artifact is one keyword term, distinct versions are few (most artifacts share {@code 1.0.0} and a
 * handful of others), so a range costs one semver comparison per distinct version and becomes a set of terms to
 * filter on. Each adapter lists its distinct terms its own way and asks this which of them are in the range.
 */
public final class VersionTerms {

    /** Beyond this many distinct versions in one index, a range is refused rather than resolved slowly. */
    public static final int MAX_DISTINCT_VERSIONS = 100_000;

    private final VersionRange range;
    private final List<String> matching = new ArrayList<>();
    private int seen;

    private VersionTerms(VersionRange range) {
        this.range = range;
    }

    public static VersionTerms in(VersionRange range) {
        return new VersionTerms(range);
    }

    /** Offers the index's next distinct version term. */
    public void offer(String version) {
        if (++seen > MAX_DISTINCT_VERSIONS) {
            throw ErrorMessage.SEARCH_REGISTRY_HOLDS_MORE_DISTINCT.exception(MAX_DISTINCT_VERSIONS);
        }
        if (SemanticVersions.isVersion(version) && range.matches(version)) {
            matching.add(version);
        }
    }

    /** The terms offered so far that are in the range; empty: no artifact can match. */
    public List<String> matching() {
        return List.copyOf(matching);
    }

    @Override
    public String toString() {
        return "versions in " + range;
    }
}
