package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.projection.search.query.KeywordTerms;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene document of an artifact. Keyword fields (indexed for exact, case-sensitive lookups) carry doc
 * values too, so results are read without touching stored fields; the README is the only stored field, so
 * loading it decompresses README text and nothing else.
 */
final class ArtifactFields {

    static final String ID = "id";
    static final String NAME = "name";
    static final String TYPE = "type";
    /** Registration order: the event's position in the stream, kept when the artifact is updated. */
    static final String ORDER = "order";
    static final String README = "readme";
    static final String README_TRIGRAMS = "readme_trigrams";
    static final String HAS_README = "has_readme";
    /** Every version of the artifact, one normalised term each (stored, so a new version keeps the others). */
    static final String VERSION = "version";
    static final String YES = "y";

    private static final FieldType TRIGRAMS = trigramFieldType();

    private ArtifactFields() {
    }

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    static Document toDocument(IndexedArtifact artifact, long order) {
        Document doc = new Document();
        for (String version : artifact.versions()) {
            doc.add(new StringField(VERSION, KeywordTerms.fit(version), Field.Store.YES));
        }
        keyword(doc, ID, artifact.id());
        keyword(doc, NAME, artifact.name());
        keyword(doc, TYPE, artifact.type().wireName());
        doc.add(new NumericDocValuesField(ORDER, order));
        String readme = artifact.readme();
        if (readme != null) {   // an empty README still matches patterns such as ^$
            doc.add(new StoredField(README, readme));
            doc.add(new Field(README_TRIGRAMS, readme, TRIGRAMS));
            doc.add(new StringField(HAS_README, YES, Field.Store.NO));
        }
        return doc;
    }

    static ArtifactType typeOf(BytesRef wireName) {
        return ArtifactType.fromWire(wireName.utf8ToString())
                .orElseThrow(() -> new IllegalStateException("unknown type in index: " + wireName.utf8ToString()));
    }

    private static void keyword(Document doc, String field, String value) {
        String term = KeywordTerms.fit(value);
        doc.add(new StringField(field, term, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(term)));
    }

    /** Only "which documents contain this trigram": no positions, frequencies or norms needed. */
    private static FieldType trigramFieldType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.setStored(false);
        type.freeze();
        return type;
    }
}
