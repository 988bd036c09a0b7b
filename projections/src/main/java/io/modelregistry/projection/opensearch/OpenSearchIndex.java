package io.modelregistry.projection.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * One registered read-model index: its full name and the operations every adapter needs on it, so that refresh,
 * rebuild and bulk error handling are done one way. Obtained from {@link OpenSearchIndices#register}.
 */
public final class OpenSearchIndex {

    private final OpenSearchIndices indices;
    private final IndexDefinition definition;
    private final String name;

    OpenSearchIndex(OpenSearchIndices indices, IndexDefinition definition, String name) {
        this.indices = indices;
        this.definition = definition;
        this.name = name;
    }

    /** The index's full name ({@code <index-prefix><readModel>}). */
    public String name() {
        return name;
    }

    public OpenSearchClient client() {
        return indices.client();
    }

    /** Makes every write acknowledged so far visible to search (a {@code get} by id sees them without it). */
    public void refresh() {
        indices.refresh(name);
    }

    /**
     * Deletes the index and creates it again, empty, with the registered mapping: a rebuild by replay starts here.
     * Faster than deleting every document, and it also drops the mapping an older release may have left.
     */
    public void recreate() {
        indices.recreate(definition, name);
    }

    /**
     * Sends {@code operations} as one bulk request and fails if OpenSearch refused any of them, so that a projection
     * never moves its token past a write that did not happen (the whole batch is retried; every write is
     * idempotent). Nothing is sent for an empty list.
     *
     * @param refresh {@link Refresh#True} or {@link Refresh#WaitFor} when the writes must be visible to the next
     *                search once this returns; {@link Refresh#False} otherwise
     */
    public BulkResponse bulk(List<BulkOperation> operations, Refresh refresh) {
        return bulk(operations, refresh, false);
    }

    /**
     * As {@link #bulk(List, Refresh)}; with {@code versionConflictsAreApplied} an item refused for a version
     * conflict counts as done: with external versions (e.g. the event's position) that is a redelivered event whose
     * effect, or a later one, is already in the index.
     */
    public BulkResponse bulk(List<BulkOperation> operations, Refresh refresh, boolean versionConflictsAreApplied) {
        if (operations.isEmpty()) {
            return null;
        }
        BulkResponse response;
        try {
            response = indices.write(name, () -> client().bulk(b -> b.index(name).operations(operations)
                    .refresh(refresh)));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch bulk write to " + name + " failed", e);
        }
        if (response.errors()) {
            List<BulkResponseItem> failed = response.items().stream()
                    .filter(item -> item.error() != null)
                    .filter(item -> !(versionConflictsAreApplied
                            && "version_conflict_engine_exception".equals(item.error().type())))
                    .toList();
            if (!failed.isEmpty()) {
                BulkResponseItem first = failed.get(0);
                throw new IllegalStateException("OpenSearch refused " + failed.size() + " of " + operations.size()
                        + " writes to " + name + "; the first (" + first.operationType() + " " + first.id() + "): "
                        + first.error().type() + ": " + first.error().reason());
            }
        }
        return response;
    }

    /**
     * The source of the document {@code id}, if there is one. A get is real-time: it sees every acknowledged write,
     * refreshed or not.
     */
    public <T> Optional<T> get(String id, Class<T> type) {
        try {
            GetResponse<T> response = client().get(g -> g.index(name).id(id), type);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch get from " + name + " failed", e);
        }
    }

    /**
     * Makes a write that has no method here (a delete by query) inside the fence around this index's writes, which on
     * a shared token store refuses it when this node may have lost its segment to another.
     */
    <T> T write(OpenSearchIndices.IoWrite<T> write) throws IOException {
        return indices.write(name, write);
    }

    /** Documents in the index as of its last refresh. */
    public long count() {
        try {
            return client().count(c -> c.index(name)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch count of " + name + " failed", e);
        }
    }
}
