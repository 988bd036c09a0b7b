package io.modelregistry.command.document;

import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.DocumentMissing;
import io.modelregistry.api.artifact.DocumentRef;
import io.modelregistry.api.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Artifact documents as blobs in whichever blob store is configured: each document is one UTF-8 blob named by its
 * sha-256, so the same README ingested twice is stored once. Reads are bounded by the size the reference records.
 */
@Component
public class BlobArtifactDocuments implements ArtifactDocumentStore {

    private final BlobStore blobs;

    public BlobArtifactDocuments(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public ArtifactDocumentRefs store(ArtifactDocuments documents) {
        if (documents == null) {
            return ArtifactDocumentRefs.none();
        }
        return new ArtifactDocumentRefs(put(documents.readme()), put(documents.configJson()),
                put(documents.sourceMetadataJson()));
    }

    private DocumentRef put(String text) {
        if (text == null) {
            return null;
        }
        try {
            var stored = blobs.put(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return DocumentRef.stored(stored.digest(), stored.sizeBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a document in the blob store", e);
        }
    }

    @Override
    public String storedText(DocumentRef ref) {
        try (InputStream in = blobs.open(ref.digest()).orElseThrow(() -> new DocumentMissing(ref.digest()))) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ref.bytes() + 1));
            if (bytes.length != ref.bytes()) {
                throw new IllegalStateException("document blob " + ref.digest() + " has " + bytes.length
                        + " bytes, the log says " + ref.bytes());
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read document blob " + ref.digest(), e);
        }
    }
}
