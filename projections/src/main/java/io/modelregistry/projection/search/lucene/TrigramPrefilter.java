package io.modelregistry.projection.search.lucene;

import io.modelregistry.projection.search.query.Requirement;
import io.modelregistry.projection.search.query.TrigramQuery;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The shared trigram prefilter ({@link TrigramQuery}) as a Lucene query over README trigrams, which every README
 * containing a match satisfies.
 */
final class TrigramPrefilter {

    /** Empty when the requirement does not narrow the READMEs (every README must be checked). */
    Optional<Query> toQuery(Requirement requirement) {
        return TrigramQuery.of(requirement).map(query -> query.<Query>render(
                gram -> new TermQuery(new Term(ArtifactFields.README_TRIGRAMS, gram)),
                parts -> combine(parts, Occur.FILTER),
                parts -> combine(parts, Occur.SHOULD)));
    }

    private static Query combine(List<Query> parts, Occur occur) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Query part : parts) {
            builder.add(part, occur);
        }
        return builder.build();
    }
}
