package io.modelregistry.projection.search.lucene;

import io.modelregistry.projection.search.query.SearchBudget;
import io.modelregistry.projection.search.query.UserRegex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Regex search over names and READMEs on one point-in-time view:
 * <ol>
 *   <li>every distinct name of every segment is matched with RE2 (names are short; tens of thousands take a
 *       few milliseconds);</li>
 *   <li>READMEs are narrowed by the trigram prefilter to those that can contain a match, excluding artifacts
 *       whose name already matched; without a usable literal every README is a candidate;</li>
 *   <li>candidates are walked in registration order and README candidates verified with RE2 until
 *       {@code limit} hits are found, so a small limit also bounds the work.</li>
 * </ol>
 */
final class RegexSearch {

    private static final Set<String> README_ONLY = Set.of(ArtifactFields.README);

    private final TrigramPrefilter prefilter;

    RegexSearch(TrigramPrefilter prefilter) {
        this.prefilter = prefilter;
    }

    List<DocRef> find(IndexSearcher searcher, UserRegex regex, int limit, SearchBudget budget) throws IOException {
        return find(searcher, regex, null, limit, budget);
    }

    /** As above, among the documents {@code filter} matches ({@code null}: all). */
    List<DocRef> find(IndexSearcher searcher, UserRegex regex, Query filter, int limit, SearchBudget budget)
            throws IOException {
        Weight allowed = filter == null ? null
                : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Query readmeCandidates = prefilter.toQuery(regex.required())
                .orElseGet(() -> new TermQuery(new Term(ArtifactFields.HAS_README, ArtifactFields.YES)));
        Weight weight = searcher.createWeight(searcher.rewrite(readmeCandidates), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Candidate> candidates = new ArrayList<>();
        for (LeafReaderContext leaf : leaves) {
            collect(leaf, weight, allowed, regex, budget, candidates);
        }
        candidates.sort(Comparator.comparingLong(Candidate::order));

        StoredFields[] stored = new StoredFields[leaves.size()];
        List<DocRef> hits = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (hits.size() >= limit) {
                break;
            }
            if (candidate.byName() || readmeMatches(candidate, leaves, stored, regex, budget)) {
                hits.add(new DocRef(candidate.leaf(), candidate.doc()));
            }
        }
        return hits;
    }

    private void collect(LeafReaderContext leaf, Weight weight, Weight allowed, UserRegex regex, SearchBudget budget,
                         List<Candidate> out) throws IOException {
        LeafReader reader = leaf.reader();
        Bits live = reader.getLiveDocs();
        FixedBitSet filter = null;
        if (allowed != null) {
            // the version filter first: a document outside it is no candidate, by name or by README
            filter = new FixedBitSet(reader.maxDoc());
            Scorer allowedDocs = allowed.scorer(leaf);
            if (allowedDocs == null) {
                return;
            }
            DocIdSetIterator it = allowedDocs.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                filter.set(doc);
            }
        }
        FixedBitSet byName = namesMatching(reader, live, regex, budget);
        FixedBitSet any = byName.clone();
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) {
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    any.set(doc);
                }
            }
        }
        if (filter != null) {
            any.and(filter);
        }
        NumericDocValues orders = DocValues.getNumeric(reader, ArtifactFields.ORDER);
        BitSetIterator docs = new BitSetIterator(any, 0);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            long order = orders.advanceExact(doc) ? orders.longValue() : Long.MAX_VALUE;
            out.add(new Candidate(order, leaf.ord, doc, byName.get(doc)));
        }
    }

    /** Live documents of the segment whose name matches; each distinct name is matched once. */
    private static FixedBitSet namesMatching(LeafReader reader, Bits live, UserRegex regex, SearchBudget budget)
            throws IOException {
        SortedDocValues names = DocValues.getSorted(reader, ArtifactFields.NAME);
        FixedBitSet matchingNames = new FixedBitSet(names.getValueCount());
        for (int ord = 0; ord < names.getValueCount(); ord++) {
            budget.check();
            if (regex.findIn(names.lookupOrd(ord).utf8ToString())) {
                matchingNames.set(ord);
            }
        }
        FixedBitSet docs = new FixedBitSet(reader.maxDoc());
        if (matchingNames.cardinality() == 0) {
            return docs;
        }
        for (int doc = names.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = names.nextDoc()) {
            if ((live == null || live.get(doc)) && matchingNames.get(names.ordValue())) {
                docs.set(doc);
            }
        }
        return docs;
    }

    private static boolean readmeMatches(Candidate candidate, List<LeafReaderContext> leaves, StoredFields[] stored,
                                         UserRegex regex, SearchBudget budget) throws IOException {
        budget.check();
        if (stored[candidate.leaf()] == null) {
            stored[candidate.leaf()] = leaves.get(candidate.leaf()).reader().storedFields();
        }
        String readme = stored[candidate.leaf()].document(candidate.doc(), README_ONLY).get(ArtifactFields.README);
        return readme != null && regex.findIn(budget.watch(readme));
    }

    private record Candidate(long order, int leaf, int doc, boolean byName) {
    }
}
