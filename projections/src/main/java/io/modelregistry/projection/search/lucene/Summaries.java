package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.ArtifactSummary;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/** Reads id, name and type of result documents from doc values (no stored fields, so no README decoding). */
final class Summaries {

    private Summaries() {
    }

    static DocRef ref(IndexSearcher searcher, ScoreDoc hit) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leaf = ReaderUtil.subIndex(hit.doc, leaves);
        return new DocRef(leaf, hit.doc - leaves.get(leaf).docBase);
    }

    /** Summaries in the order of {@code refs}. */
    static List<ArtifactSummary> read(IndexSearcher searcher, List<DocRef> refs) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        ArtifactSummary[] summaries = new ArtifactSummary[refs.size()];
        // doc values iterate forward only: visit leaf by leaf, doc by doc
        Integer[] visit = new Integer[refs.size()];
        Arrays.setAll(visit, i -> i);
        Arrays.sort(visit, Comparator.<Integer>comparingInt(i -> refs.get(i).leaf()).thenComparingInt(i -> refs.get(i).doc()));
        int currentLeaf = -1;
        SortedDocValues ids = null;
        SortedDocValues names = null;
        SortedDocValues types = null;
        for (int i : visit) {
            DocRef ref = refs.get(i);
            if (ref.leaf() != currentLeaf) {
                currentLeaf = ref.leaf();
                LeafReader reader = leaves.get(currentLeaf).reader();
                ids = DocValues.getSorted(reader, ArtifactFields.ID);
                names = DocValues.getSorted(reader, ArtifactFields.NAME);
                types = DocValues.getSorted(reader, ArtifactFields.TYPE);
            }
            if (!ids.advanceExact(ref.doc()) || !names.advanceExact(ref.doc()) || !types.advanceExact(ref.doc())) {
                throw new IllegalStateException("search document without id, name or type");
            }
            summaries[i] = new ArtifactSummary(ids.lookupOrd(ids.ordValue()).utf8ToString(),
                    names.lookupOrd(names.ordValue()).utf8ToString(),
                    ArtifactFields.typeOf(types.lookupOrd(types.ordValue())));
        }
        return List.of(summaries);
    }
}
