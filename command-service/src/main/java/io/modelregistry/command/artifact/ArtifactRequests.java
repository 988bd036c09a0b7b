package io.modelregistry.command.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.error.RegistryException;
import java.util.Optional;

/** Reads and validates the JSON bodies of the artifact write endpoints, with messages a client can act on. */
public final class ArtifactRequests {

    static final int MAX_NAME = 256;
    static final int MAX_URL = 2048;

    private ArtifactRequests() {
    }

    record IngestRequest(String url, Optional<String> name) {
    }

    record UpdateRequest(String name, String id, String type, String url) {
    }

    static IngestRequest ingest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RegistryException.badRequest("The body must be a JSON object with a single 'url'.");
        }
        String url = requiredText(body, "url", MAX_URL, "artifact_data");
        Optional<String> name = Optional.empty();
        JsonNode nameNode = body.get("name");
        if (nameNode != null && !nameNode.isNull()) {
            name = Optional.of(validName(textOf(nameNode, "name", "artifact_data")));
        }
        return new IngestRequest(url, name);
    }

    static UpdateRequest update(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RegistryException.badRequest("The body must be an Artifact: {\"metadata\": {...}, \"data\": {...}}.");
        }
        JsonNode metadata = body.get("metadata");
        JsonNode data = body.get("data");
        if (metadata == null || !metadata.isObject() || data == null || !data.isObject()) {
            throw RegistryException.badRequest("The Artifact must have 'metadata' and 'data' objects.");
        }
        return new UpdateRequest(validName(requiredText(metadata, "name", MAX_NAME, "metadata")),
                requiredText(metadata, "id", 64, "metadata"), requiredText(metadata, "type", 16, "metadata"),
                requiredText(data, "url", MAX_URL, "data"));
    }

    /**
     * The name rules of every artifact, ingested or uploaded: 1-256 characters, not '*', no control characters, and
     * nothing that displays as something else: no format characters (bidirectional overrides and isolates, zero-width
     * spaces and joiners, the soft hyphen, the byte-order mark), line or paragraph separators, private-use, unpaired
     * surrogate or unassigned code points. Such a name shows people another name than the one stored
     * ("bert-base-" + RIGHT-TO-LEFT OVERRIDE + "desacnu" is displayed as "bert-base-uncased"), which is how a
     * look-alike package gets downloaded by mistake.
     */
    public static String validName(String name) {
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw RegistryException.badRequest("A name must be 1-" + MAX_NAME + " characters.");
        }
        if ("*".equals(name)) {
            throw RegistryException.badRequest("The name '*' is reserved (it means 'all' in queries).");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw RegistryException.badRequest("A name must not contain control characters.");
        }
        name.codePoints().filter(ArtifactRequests::displaysAsSomethingElse).findFirst().ifPresent(c -> {
            throw RegistryException.badRequest(String.format("A name must not contain invisible or"
                    + " direction-changing characters (U+%04X): it would display as another name.", c));
        });
        return name;
    }

    private static boolean displaysAsSomethingElse(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static String requiredText(JsonNode parent, String field, int maxLength, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw RegistryException.badRequest("Missing field '" + field + "' in " + where + ".");
        }
        String value = textOf(node, field, where).trim();
        if (value.isEmpty()) {
            throw RegistryException.badRequest("Field '" + field + "' in " + where + " must not be empty.");
        }
        if (value.length() > maxLength) {
            throw RegistryException.badRequest("Field '" + field + "' in " + where + " is longer than "
                    + maxLength + " characters.");
        }
        return value;
    }

    private static String textOf(JsonNode node, String field, String where) {
        if (!node.isTextual()) {
            throw RegistryException.badRequest("Field '" + field + "' in " + where + " must be a string.");
        }
        return node.asText();
    }
}
