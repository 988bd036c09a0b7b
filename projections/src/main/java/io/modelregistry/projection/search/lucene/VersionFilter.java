package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.version.VersionRange;
import io.modelregistry.projection.search.query.VersionTerms;
import java.io.IOException;
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
 * A version range as a Lucene filter, without looking at any document: the distinct terms of
 * {@link ArtifactFields#VERSION} are resolved against the range ({@link VersionTerms}) and the matching ones become
 * one {@link TermInSetQuery}. A query's cost is one semver comparison per distinct version, plus the postings of the
 * matching terms; never a pass over every document.
 */
final class VersionFilter {

    private VersionFilter() {
    }

    static Query filter(IndexSearcher searcher, VersionRange range) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), ArtifactFields.VERSION);
        if (terms == null) {
            return new MatchNoDocsQuery("no artifact has a version");
        }
        VersionTerms resolved = VersionTerms.in(range);
        TermsEnum versions = terms.iterator();
        for (BytesRef term = versions.next(); term != null; term = versions.next()) {
            resolved.offer(term.utf8ToString());
        }
        List<String> matching = resolved.matching();
        return matching.isEmpty() ? new MatchNoDocsQuery("no version in " + range)
                : new TermInSetQuery(ArtifactFields.VERSION, matching.stream().map(BytesRef::new).toList());
    }
}
