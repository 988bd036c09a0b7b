package io.modelregistry.api.artifact;

/**
 * Artifact documents kept apart from the events that name them (port): written as blobs before the event that
 * references them is appended, and read back by digest by whoever needs the text (search, lineage, rating).
 */
public interface ArtifactDocumentStore {

    /** Stores each present document durably and returns the references to put in an event. */
    ArtifactDocumentRefs store(ArtifactDocuments documents);

    /**
     * The text of a document that was written to the store (a reference without inline text).
     *
     * @throws DocumentMissing when it is not in the store
     * @throws IllegalStateException when it is there but not as the reference describes it
     */
    String storedText(DocumentRef ref);

    /**
     * The text a reference names: inline text when an upcast old event carries it (its document was never
     * stored, and must not be looked for), else the stored document; {@code null} for a {@code null} reference.
     */
    default String text(DocumentRef ref) {
        if (ref == null) {
            return null;
        }
        return ref.inlineText() != null ? ref.inlineText() : storedText(ref);
    }

    /**
     * As {@link #text}, but {@code null} for a stored document that is gone. Only projections replaying the log
     * use it: a sweep deletes the documents no live version references, so an event whose artifact was later
     * updated or deleted may name a document that no longer exists, and the events after it put the read model
     * right. Everything else reads with {@link #text}, where a missing document is an error.
     */
    default String textUnlessSwept(DocumentRef ref) {
        try {
            return text(ref);
        } catch (DocumentMissing swept) {
            return null;
        }
    }

    /** Every document the references name (see {@link #text}). */
    default ArtifactDocuments read(ArtifactDocumentRefs refs) {
        if (refs == null) {
            return ArtifactDocuments.none();
        }
        return new ArtifactDocuments(text(refs.readme()), text(refs.configJson()), text(refs.sourceMetadataJson()));
    }
}
