package io.modelregistry.server.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Revision 1 → 2 of {@code ArtifactRegistered} and {@code ArtifactUpdated}: {@code content.docs} (the README,
 * config.json and hub metadata as text) becomes {@code content.documents}, one reference per document. An old
 * event's documents were never written as blobs, so each reference keeps the text inline beside the digest it
 * would have had; readers take inline text first and never look for a blob that does not exist.
 */
final class InlineDocumentsToDigests extends RevisionUpcaster {

    private static final String[] DOCUMENTS = {"readme", "configJson", "sourceMetadataJson"};

    InlineDocumentsToDigests(Class<?> type) {
        super(type, "1", "2");
    }

    @Override
    ObjectNode upcast(ObjectNode payload) {
        JsonNode content = payload.get("content");
        if (content instanceof ObjectNode node) {
            JsonNode docs = node.remove("docs");
            ObjectNode documents = node.putObject("documents");
            for (String name : DOCUMENTS) {
                JsonNode text = docs == null ? null : docs.get(name);
                if (text != null && text.isTextual()) {
                    byte[] bytes = text.asText().getBytes(StandardCharsets.UTF_8);
                    documents.putObject(name).put("digest", sha256(bytes)).put("bytes", bytes.length)
                            .put("inlineText", text.asText());
                }
            }
        }
        return payload;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
