package io.modelregistry.api.artifact;

/**
 * A stored document that an event names is not in the store. For the live version of a live artifact that is
 * corruption; for an event since superseded (its artifact updated or deleted), it is what a blob sweep leaves, and a
 * projection replaying the log must go past it ({@link ArtifactDocumentStore#textUnlessSwept}).
 */
public class DocumentMissing extends IllegalStateException {

    private final String digest;

    public DocumentMissing(String digest) {
        super("document blob " + digest + " is referenced by the log but missing from the blob store");
        this.digest = digest;
    }

    public String digest() {
        return digest;
    }
}
