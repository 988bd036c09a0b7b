package io.modelregistry.query.artifact;

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
            throw RegistryException.badRequest("The body must be a non-empty JSON array of artifact queries, "
                    + "e.g. [{\"name\": \"*\"}].");
        }
        if (body.size() > MAX_QUERIES) {
            throw RegistryException.badRequest("At most " + MAX_QUERIES + " queries per request.");
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
            throw RegistryException.badRequest("'version' must be a string: an exact version (1.2.3) or a range "
                    + "(1.2.3-2.1.0, ~1.2.0, ^1.2.0).");
        }
        return VersionRange.parse(version.asText());
    }

    private static NameQuery parseOne(JsonNode query) {
        if (!query.isObject()) {
            throw RegistryException.badRequest("Each artifact query must be an object with a 'name'.");
        }
        JsonNode name = query.get("name");
        if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > MAX_NAME) {
            throw RegistryException.badRequest("Each artifact query needs a 'name' string of 1-" + MAX_NAME
                    + " characters ('*' for all).");
        }
        Set<ArtifactType> types = EnumSet.noneOf(ArtifactType.class);
        JsonNode typesNode = query.get("types");
        if (typesNode != null && !typesNode.isNull()) {
            if (!typesNode.isArray()) {
                throw RegistryException.badRequest("'types' must be an array of model, dataset, code.");
            }
            for (JsonNode type : typesNode) {
                types.add(ArtifactType.fromWire(type.isTextual() ? type.asText() : null).orElseThrow(() ->
                        RegistryException.badRequest("'types' must contain only model, dataset, code.")));
            }
        }
        return new NameQuery(name.asText(), types, version(query));
    }
}
