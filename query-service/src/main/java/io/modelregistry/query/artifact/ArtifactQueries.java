package io.modelregistry.query.artifact;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.version.VersionRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Parses the {@code POST /artifacts} body (an array of ArtifactQuery) with bounds and clear messages. */
final class ArtifactQueries {

    static final int MAX_QUERIES = 100;
    static final int MAX_NAME = 256;

    private ArtifactQueries() {
    }

    static List<NameQuery> parse(JsonNode body) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            throw ErrorMessage.ARTIFACT_BODY_MUST_NON_EMPTY.exception();
        }
        if (body.size() > MAX_QUERIES) {
            throw ErrorMessage.ARTIFACT_MOST_QUERIES_PER_REQUEST.exception(MAX_QUERIES);
        }
        List<NameQuery> queries = new ArrayList<>(body.size());
        for (JsonNode query : body) {
            queries.add(parseOne(query));
        }
        return queries;
    }

    /**
     * Extension: {@code version}, an exact version or a range ({@link VersionRange}); absent or null for any.
     * Malformed is a 400 naming the accepted forms.
     */
    static VersionRange version(JsonNode query) {
        JsonNode version = query.get("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isTextual()) {
            throw ErrorMessage.ARTIFACT_VERSION_MUST_STRING_EXACT.exception();
        }
        return VersionRange.parse(version.asText());
    }

    private static NameQuery parseOne(JsonNode query) {
        if (!query.isObject()) {
            throw ErrorMessage.ARTIFACT_EACH_ARTIFACT_QUERY_MUST.exception();
        }
        JsonNode name = query.get("name");
        if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > MAX_NAME) {
            throw ErrorMessage.ARTIFACT_EACH_ARTIFACT_QUERY_NEEDS.exception(MAX_NAME);
        }
        Set<ArtifactType> types = EnumSet.noneOf(ArtifactType.class);
        JsonNode typesNode = query.get("types");
        if (typesNode != null && !typesNode.isNull()) {
            if (!typesNode.isArray()) {
                throw ErrorMessage.ARTIFACT_TYPES_MUST_ARRAY_MODEL.exception();
            }
            for (JsonNode type : typesNode) {
                types.add(ArtifactType.fromWire(type.isTextual() ? type.asText() : null).orElseThrow(() ->
                        ErrorMessage.ARTIFACT_TYPES_MUST_CONTAIN_MODEL.exception()));
            }
        }
        return new NameQuery(name.asText(), types, version(query));
    }
}
