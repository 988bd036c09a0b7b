package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.api.version.VersionRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A version range as a Lucene filter, without looking at any document: the range is resolved against the
 * distinct version terms of the index (every version of every artifact is one term of {@link ArtifactFields#VERSION};
 * distinct versions are few, since most artifacts share {@code 1.0.0} and a handful of others), and the matching
 * terms become one {@link TermInSetQuery}. A query's cost is one semver comparison per distinct version, plus the
 * postings of the matching terms; never a pass over every document.
 */
final class VersionTerms {

    /** Beyond this many distinct versions in one index, a range is refused rather than resolved slowly. */
    static final int MAX_DISTINCT_VERSIONS = 100_000;

    private VersionTerms() {
    }

    static Query filter(IndexSearcher searcher, VersionRange range) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), ArtifactFields.VERSION);
        if (terms == null) {
            return new MatchNoDocsQuery("no artifact has a version");
        }
        List<BytesRef> matching = new ArrayList<>();
        TermsEnum versions = terms.iterator();
        int seen = 0;
        for (BytesRef term = versions.next(); term != null; term = versions.next()) {
            if (++seen > MAX_DISTINCT_VERSIONS) {
                throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "The registry holds more than "
                        + MAX_DISTINCT_VERSIONS + " distinct versions; version queries are not answered.");
            }
            String version = term.utf8ToString();
            if (SemanticVersions.isVersion(version) && range.matches(version)) {
                matching.add(BytesRef.deepCopyOf(term));
            }
        }
        return matching.isEmpty() ? new MatchNoDocsQuery("no version in " + range)
                : new TermInSetQuery(ArtifactFields.VERSION, matching);
    }
}
