package io.modelregistry.projection.blob.opensearch;

import io.modelregistry.api.blob.BlobReferences;
import io.modelregistry.api.blob.BlobReferencesWriter;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The blob references in two OpenSearch indices: one document per (digest, version, artifact), as the embedded
 * table has one row, and one per (version, artifact) listing its digests, so a version's references are replaced by
 * id (its old list says what to delete) and not by a query. The sweep asks which of a page of digests are referenced:
 * that is a terms filter with a composite aggregation on the digest, paged by its {@code after} key (a stable sort on
 * the digest itself), so no referenced digest can fall between two pages, however many versions share it. Writes are
 * refreshed before they return, and a replace writes the new references before it deletes the old ones and records
 * the version's list last, so a crash at any point and the redelivery that follows never leave a live blob
 * unreferenced.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
public class OpenSearchBlobReferences implements BlobReferences, BlobReferencesWriter {

    /** Digests per terms filter, buckets per aggregation page, and writes per bulk request. */
    static final int CHUNK = 1_000;

    private final OpenSearchIndex references;
    private final OpenSearchIndex versions;
    private final int chunk;

    @Autowired
    public OpenSearchBlobReferences(OpenSearchIndices indices) {
        this(indices, CHUNK);
    }

    /** With {@code chunk} digests per filter, buckets per page and writes per bulk (tests use small ones). */
    public OpenSearchBlobReferences(OpenSearchIndices indices, int chunk) {
        if (chunk < 1 || chunk > CHUNK) {
            throw new IllegalArgumentException("a chunk is 1 to " + CHUNK);
        }
        this.references = register(indices, "blob-references");
        this.versions = register(indices, "blob-versions");
        this.chunk = chunk;
    }

    private static OpenSearchIndex register(OpenSearchIndices indices, String readModel) {
        return indices.register(IndexDefinition.fromResource(readModel, OpenSearchBlobReferences.class,
                readModel + ".json"));
    }

    record ReferenceDocument(String digest, String artifactId, String version) {
    }

    record VersionDocument(String artifactId, String version, List<String> digests) {
    }

    @Override
    public Set<String> referencedAmong(Collection<String> digests) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(digests));
        Set<String> referenced = new HashSet<>();
        for (int from = 0; from < all.size(); from += chunk) {
            List<FieldValue> asked = all.subList(from, Math.min(all.size(), from + chunk)).stream()
                    .map(FieldValue::of).toList();
            eachDigest(Query.of(q -> q.terms(t -> t.field("digest").terms(v -> v.value(asked)))), referenced::add);
        }
        return referenced;
    }

    /** Reads every distinct digest in pages: linear in the references, for reports and tests, not for a hot path. */
    @Override
    public long count() {
        long[] count = {0};
        eachDigest(Query.of(q -> q.matchAll(m -> m)), digest -> count[0]++);
        return count[0];
    }

    @Override
    public void replace(String artifactId, String version, Set<String> digests) {
        Set<String> before = listed(artifactId, version);
        List<BulkOperation> writes = new ArrayList<>();
        for (String digest : digests) {
            ReferenceDocument document = new ReferenceDocument(digest, artifactId, version);
            writes.add(BulkOperation.of(b -> b.index(i -> i.id(referenceId(digest, artifactId, version))
                    .document(document))));
        }
        // new references first, then the old ones go: a digest in both is never without its reference
        for (String digest : before) {
            if (!digests.contains(digest)) {
                writes.add(BulkOperation.of(b -> b.delete(d -> d.id(referenceId(digest, artifactId, version)))));
            }
        }
        for (int from = 0; from < writes.size(); from += chunk) {
            int to = Math.min(writes.size(), from + chunk);
            references.bulk(writes.subList(from, to), to == writes.size() ? Refresh.True : Refresh.False);
        }
        // the list last: a crash before it leaves the old list, and the redelivered event deletes by it again
        VersionDocument listed = new VersionDocument(artifactId, version, List.copyOf(digests));
        versions.bulk(List.of(BulkOperation.of(b -> b.index(i -> i.id(versionId(artifactId, version))
                .document(listed)))), Refresh.True);
    }

    @Override
    public void deleteArtifact(String artifactId) {
        Query byArtifact = Query.of(q -> q.term(t -> t.field("artifactId").value(FieldValue.of(artifactId))));
        // by query, not by the lists: it also takes references whose list a crash kept from being written
        IndexQueries.deleteMatching(references, byArtifact);
        IndexQueries.deleteMatching(versions, byArtifact);
    }

    @Override
    public void deleteAll() {
        references.recreate();
        versions.recreate();
    }

    private Set<String> listed(String artifactId, String version) {
        try {
            GetResponse<VersionDocument> response = versions.client().get(g -> g.index(versions.name())
                    .id(versionId(artifactId, version)), VersionDocument.class);
            return response.found() && response.source().digests() != null
                    ? new HashSet<>(response.source().digests()) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch get from " + versions.name() + " failed", e);
        }
    }

    /** Every distinct digest of the references {@code query} matches, a composite aggregation page at a time. */
    private void eachDigest(Query query, Consumer<String> each) {
        IndexQueries.forEachTerm(references, query, "digest", chunk, digest -> {
            each.accept(digest);
            return true;
        });
    }

    /** Digest (hex), then version (no '|' in a semantic version), then the artifact id: unambiguous. */
    private static String referenceId(String digest, String artifactId, String version) {
        return digest + "|" + version + "|" + artifactId;
    }

    private static String versionId(String artifactId, String version) {
        return version + "|" + artifactId;
    }
}
