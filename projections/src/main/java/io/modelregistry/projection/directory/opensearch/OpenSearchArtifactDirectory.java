package io.modelregistry.projection.directory.opensearch;

import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactDirectoryWriter;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The directory in two OpenSearch indices with one mapping: {@code directory}, one document per live artifact (its
 * latest version, {@code _id} the artifact id), and {@code directory-versions}, one per version ({@code _id}
 * {@code <artifact>|<version>}). Writes overwrite by id, so a redelivered or replayed event writes the same document
 * again, and are refreshed before they return, so the next read on any node sees them. An artifact is a real-time
 * get by id; its versions a term query on its id, sorted by the version (unique per artifact, so pages are stable);
 * the live package digests a composite aggregation over both indices, paged; the count the index's document count,
 * exact because every write was refreshed.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
public class OpenSearchArtifactDirectory implements ArtifactDirectory, ArtifactDirectoryWriter {

    /** An artifact has few versions; this bounds what one read returns even if it had many (as the embedded one). */
    static final int MAX_VERSIONS_READ = 1_000;
    private static final List<SortOptions> BY_VERSION = List.of(SortOptions.of(o -> o.field(f -> f.field("version")
            .order(SortOrder.Asc))));

    private final OpenSearchIndex artifacts;
    private final OpenSearchIndex versions;
    private final int page;

    @Autowired
    public OpenSearchArtifactDirectory(OpenSearchIndices indices) {
        this(indices, IndexQueries.MAX_PAGE);
    }

    /** With {@code page} hits or digests per search (tests use a small one to read across many pages). */
    public OpenSearchArtifactDirectory(OpenSearchIndices indices, int page) {
        if (page < 1 || page > IndexQueries.MAX_PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + IndexQueries.MAX_PAGE);
        }
        this.artifacts = indices.register(IndexDefinition.fromResource("directory", OpenSearchArtifactDirectory.class,
                "directory.json"));
        this.versions = indices.register(IndexDefinition.fromResource("directory-versions",
                OpenSearchArtifactDirectory.class, "directory.json"));
        this.page = page;
    }

    @Override
    public Optional<ArtifactRecord> find(String id) {
        return artifacts.get(id, ArtifactRecord.class);
    }

    @Override
    public List<ArtifactRecord> versions(String id) {
        List<ArtifactRecord> found = new ArrayList<>(IndexQueries.collect(versions, byArtifact(id), BY_VERSION,
                MAX_VERSIONS_READ, page, ArtifactRecord.class));
        if (found.isEmpty()) {
            return find(id).map(List::of).orElse(List.of());
        }
        found.sort((a, b) -> SemanticVersions.PRECEDENCE.compare(b.version(), a.version()));
        return List.copyOf(found);
    }

    @Override
    public Set<String> livePackageDigests() {
        Set<String> digests = new HashSet<>();
        Query all = Query.of(q -> q.matchAll(m -> m));
        IndexQueries.eachDistinct(versions, all, "packageDigest", page, digests::add);
        IndexQueries.eachDistinct(artifacts, all, "packageDigest", page, digests::add);
        return digests;
    }

    @Override
    public long count() {
        return artifacts.count();
    }

    @Override
    public void upsert(ArtifactRecord record) {
        artifacts.bulk(List.of(BulkOperation.of(b -> b.index(i -> i.id(record.id()).document(record)))), Refresh.True);
    }

    /**
     * As the embedded adapter: an artifact whose record was stored without any version record (its one version is
     * the record itself) keeps that version when another is added. Checked only when the record names another
     * version than the one written, so the usual registration (the record, then the same version) costs no search.
     */
    @Override
    public void upsertVersion(ArtifactRecord version) {
        List<BulkOperation> writes = new ArrayList<>(2);
        find(version.id())
                .filter(current -> !current.version().equals(version.version()))
                .filter(current -> !hasVersions(current.id()))
                .ifPresent(current -> writes.add(indexVersion(current)));
        writes.add(indexVersion(version));
        versions.bulk(writes, Refresh.True);
    }

    @Override
    public void delete(String artifactId) {
        artifacts.bulk(List.of(BulkOperation.of(b -> b.delete(d -> d.id(artifactId)))), Refresh.True);
        // by query: every version of the artifact, however many there are
        IndexQueries.deleteMatching(versions, byArtifact(artifactId));
    }

    @Override
    public void deleteAll() {
        artifacts.recreate();
        versions.recreate();
    }

    private boolean hasVersions(String artifactId) {
        return !IndexQueries.collect(versions, byArtifact(artifactId), BY_VERSION, 1, 1, ArtifactRecord.class)
                .isEmpty();
    }

    private static BulkOperation indexVersion(ArtifactRecord record) {
        return BulkOperation.of(b -> b.index(i -> i.id(versionId(record)).document(record)));
    }

    /** The artifact id first: ids have no '|', so the first '|' ends it, whatever the version holds. */
    private static String versionId(ArtifactRecord record) {
        return record.id() + "|" + record.version();
    }

    private static Query byArtifact(String artifactId) {
        return Query.of(q -> q.term(t -> t.field("id").value(FieldValue.of(artifactId))));
    }
}
