package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
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
            throw ErrorMessage.ARTIFACT_BODY_MUST_JSON_OBJECT.exception();
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
            throw ErrorMessage.ARTIFACT_BODY_MUST_ARTIFACT_METADATA.exception();
        }
        JsonNode metadata = body.get("metadata");
        JsonNode data = body.get("data");
        if (metadata == null || !metadata.isObject() || data == null || !data.isObject()) {
            throw ErrorMessage.ARTIFACT_ARTIFACT_MUST_METADATA_DATA.exception();
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
            throw ErrorMessage.ARTIFACT_NAME_MUST_1_CHARACTERS.exception(MAX_NAME);
        }
        if ("*".equals(name)) {
            throw ErrorMessage.ARTIFACT_NAME_RESERVED_MEANS_ALL.exception();
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw ErrorMessage.ARTIFACT_NAME_MUST_CONTAIN_CONTROL.exception();
        }
        name.codePoints().filter(ArtifactRequests::displaysAsSomethingElse).findFirst().ifPresent(c -> {
            throw ErrorMessage.ARTIFACT_NAME_INVISIBLE_CHARACTERS.exception(String.format("%04X", c));
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
            throw ErrorMessage.ARTIFACT_MISSING_FIELD.exception(field, where);
        }
        String value = textOf(node, field, where).trim();
        if (value.isEmpty()) {
            throw ErrorMessage.ARTIFACT_FIELD_MUST_EMPTY.exception(field, where);
        }
        if (value.length() > maxLength) {
            throw ErrorMessage.ARTIFACT_FIELD_LONGER_CHARACTERS.exception(field, where, maxLength);
        }
        return value;
    }

    private static String textOf(JsonNode node, String field, String where) {
        if (!node.isTextual()) {
            throw ErrorMessage.ARTIFACT_FIELD_MUST_STRING.exception(field, where);
        }
        return node.asText();
    }
}
