package io.modelregistry.projection.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.projection.consistency.WriteFence;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the registry's indices are created, rebuilt and refreshed. Each OpenSearch adapter registers its
 * {@link IndexDefinition} while the context starts ({@link #register}); that, idempotently and safely for several
 * nodes starting at once:
 * <ol>
 *   <li>puts an index template for the index's exact name, so that an index re-created by any node (a rebuild, or a
 *       write racing a rebuild, which creates the index implicitly) gets the same settings and mapping;</li>
 *   <li>creates the index when it is missing ("already exists" from a node that won the race is success);</li>
 *   <li>when it exists, puts the mapping again, which adds fields a newer release introduced and fails start-up,
 *       with OpenSearch's reason, when a field changed incompatibly (that needs a rebuild by replay).</li>
 * </ol>
 * Every index gets one primary shard (a read model is small; one shard keeps {@code search_after} and counts
 * exact and cheap) and {@code registry.opensearch.replicas} replicas.
 */
public class OpenSearchIndices {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchIndices.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenSearchClient client;
    private final OpenSearchGenericClient raw;
    private final OpenSearchSettings settings;
    private final WriteFence fence;
    private final Map<String, OpenSearchIndex> registered = new ConcurrentHashMap<>();

    public OpenSearchIndices(OpenSearchClient client, OpenSearchSettings settings) {
        this(client, settings, WriteFence.NONE);
    }

    /**
     * @param fence called around every write a projection makes (bulk, delete by query, re-creation), so that on a
     *              token store the nodes share, a node that may have lost its segment to another cannot write
     */
    public OpenSearchIndices(OpenSearchClient client, OpenSearchSettings settings, WriteFence fence) {
        this.client = client;
        this.raw = client.generic();
        this.settings = settings;
        this.fence = fence;
    }

    /** Makes one write to {@code index} inside the fence. */
    <T> T write(String index, IoWrite<T> write) throws IOException {
        fence.beforeWrite(index);
        T result = write.run();
        fence.afterWrite(index);
        return result;
    }

    /** A write to OpenSearch. */
    @FunctionalInterface
    interface IoWrite<T> {
        T run() throws IOException;
    }

    OpenSearchClient client() {
        return client;
    }

    /** The full name of a read model's index. */
    public String indexName(String readModel) {
        return settings.indexPrefix() + readModel;
    }

    /**
     * Makes sure the index of {@code definition} exists with its mapping (see the class comment) and returns its
     * handle. Registering the same read model twice returns the same handle.
     */
    public OpenSearchIndex register(IndexDefinition definition) {
        return registered.computeIfAbsent(definition.readModel(), readModel -> {
            String name = indexName(readModel);
            ObjectNode body = bodyOf(definition);
            putTemplate(name, body);
            if (!createIfMissing(name, body)) {
                updateMapping(name, body);
            }
            log.info("OpenSearch index {} ready", name);
            return new OpenSearchIndex(this, definition, name);
        });
    }

    void recreate(IndexDefinition definition, String name) {
        ObjectNode body = bodyOf(definition);
        Response response;
        try {
            response = write(name, () -> send("DELETE", "/" + name, null));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch DELETE /" + name + " failed", e);
        }
        if (response.getStatus() != 200 && response.getStatus() != 404) {
            throw failure("delete index " + name, response);
        }
        // an index deleted but not created again is created implicitly, from its template, by the next write
        createIfMissing(name, body);
        log.info("OpenSearch index {} re-created empty for a rebuild", name);
    }

    void refresh(String name) {
        try {
            client.indices().refresh(r -> r.index(name));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch refresh of " + name + " failed", e);
        }
    }

    private ObjectNode bodyOf(IndexDefinition definition) {
        ObjectNode body;
        try {
            JsonNode parsed = JSON.readTree(definition.body());
            if (!(parsed instanceof ObjectNode object)) {
                throw new IllegalArgumentException("The index definition of " + definition.readModel()
                        + " is not a JSON object");
            }
            body = object.deepCopy();
        } catch (IOException e) {
            throw new IllegalArgumentException("The index definition of " + definition.readModel()
                    + " is not JSON: " + e.getMessage(), e);
        }
        ObjectNode index = body.with("settings").with("index");
        if (!index.has("number_of_shards")) {
            index.put("number_of_shards", 1);
        }
        index.put("number_of_replicas", settings.replicas());
        return body;
    }

    private void putTemplate(String name, ObjectNode body) {
        ObjectNode template = JSON.createObjectNode();
        template.putArray("index_patterns").add(name);
        // above any catch-all template an operator may have, so the read model's own mapping wins
        template.put("priority", 500);
        template.set("template", body);
        Response response = send("PUT", "/_index_template/" + name, template);
        if (response.getStatus() != 200) {
            throw failure("put index template " + name, response);
        }
    }

    /** Creates the index; false when it already existed. */
    private boolean createIfMissing(String name, ObjectNode body) {
        Response response = send("PUT", "/" + name, body);
        if (response.getStatus() == 200) {
            return true;
        }
        String text = bodyText(response);
        if (response.getStatus() == 400 && text.contains("resource_already_exists_exception")) {
            return false;
        }
        throw failure("create index " + name, response.getStatus(), text);
    }

    private void updateMapping(String name, ObjectNode body) {
        JsonNode mappings = body.get("mappings");
        if (mappings == null || mappings.isEmpty()) {
            return;
        }
        Response response = send("PUT", "/" + name + "/_mapping", mappings);
        if (response.getStatus() != 200) {
            throw failure("update the mapping of " + name + " (an incompatible change needs the index rebuilt by "
                    + "replay: delete it, and reset the read model's processing group)", response);
        }
    }

    private Response send(String method, String endpoint, JsonNode body) {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            request.json(body.toString());
        }
        try {
            return raw.execute(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch " + method + " " + endpoint + " failed", e);
        }
    }

    private static String bodyText(Response response) {
        return response.getBody().map(Body::bodyAsString).orElse("");
    }

    private static IllegalStateException failure(String what, Response response) {
        return failure(what, response.getStatus(), bodyText(response));
    }

    private static IllegalStateException failure(String what, int status, String text) {
        String shown = text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
        return new IllegalStateException("OpenSearch could not " + what + ": HTTP " + status + " " + shown);
    }
}
