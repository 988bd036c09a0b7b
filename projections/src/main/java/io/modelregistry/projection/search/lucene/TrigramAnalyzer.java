package io.modelregistry.projection.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;

/**
 * Splits text into every run of three characters (code points), case and whitespace kept, so that a README
 * containing a literal contains all of the literal's trigrams. Used for indexing and for building queries, so
 * both sides agree by construction.
 */
final class TrigramAnalyzer extends Analyzer {

    static final int GRAM = io.modelregistry.projection.search.query.Trigrams.GRAM;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new NGramTokenizer(GRAM, GRAM));
    }
}
