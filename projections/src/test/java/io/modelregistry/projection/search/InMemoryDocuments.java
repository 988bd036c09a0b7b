package io.modelregistry.projection.search;

import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.DocumentMissing;
import io.modelregistry.api.artifact.DocumentRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A content-addressed document store in memory, as the blob-backed one behaves (a missing blob is an error). */
public final class InMemoryDocuments implements ArtifactDocumentStore {

    private final Map<String, String> texts = new ConcurrentHashMap<>();

    @Override
    public ArtifactDocumentRefs store(ArtifactDocuments documents) {
        return new ArtifactDocumentRefs(put(documents.readme()), put(documents.configJson()),
                put(documents.sourceMetadataJson()));
    }

    @Override
    public String storedText(DocumentRef ref) {
        String text = texts.get(ref.digest());
        if (text == null) {
            throw new DocumentMissing(ref.digest());
        }
        return text;
    }

    /** What a blob sweep does to a document no live version references any more. */
    public void sweep(DocumentRef ref) {
        texts.remove(ref.digest());
    }

    private DocumentRef put(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            texts.put(digest, text);
            return DocumentRef.stored(digest, bytes.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
