package io.modelregistry.projection.lineage.opensearch;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.LineageWriter;
import io.modelregistry.api.lineage.TargetKeys;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The lineage read model in two OpenSearch indices: artifacts (id: the artifact id) with the {@link TargetKeys} of
 * their name and repo id as keywords, and declared relationships (id: owner id and ordinal, at most
 * {@link ArtifactRelationshipsDeclared#MAX_RELATIONSHIPS} per owner) with the keys of their targets. Every look-up is
 * a get by id or a term query on those keys, sorted by a unique key and bounded; replacing declarations writes the
 * new ordinals and deletes every other possible ordinal by id, so a replay (or a redelivery after a crash half-way)
 * ends in the same state without a delete-by-query. Writes are refreshed before they return, so the next read on any
 * node sees them.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
public class OpenSearchLineageStore implements LineageStore, LineageWriter {

    private static final int MAX = ArtifactRelationshipsDeclared.MAX_RELATIONSHIPS;

    private final OpenSearchIndex artifacts;
    private final OpenSearchIndex relationships;

    public OpenSearchLineageStore(OpenSearchIndices indices) {
        this.artifacts = register(indices, "lineage-artifacts");
        this.relationships = register(indices, "lineage-relationships");
    }

    private static OpenSearchIndex register(OpenSearchIndices indices, String readModel) {
        return indices.register(IndexDefinition.fromResource(readModel, OpenSearchLineageStore.class,
                readModel + ".json"));
    }

    record ArtifactDocument(String artifactId, String type, String name, String nameKey, String nameCompact,
                            String nameBase, String repoId, String repoKey, String repoLast, String sourceKind,
                            String sourceUrl, String repositoryUrl, String revision, boolean declared,
                            boolean metadataMalformed) {

        static ArtifactDocument of(LineageArtifact a) {
            return new ArtifactDocument(a.id(), a.type().name(), a.name(), TargetKeys.of(a.name()).key(),
                    TargetKeys.compactOf(a.name()), TargetKeys.variantBaseOf(a.name()), a.repoId(),
                    a.repoId() == null ? null : TargetKeys.of(a.repoId()).key(), TargetKeys.lastSegment(a.repoId()),
                    a.sourceKind(), a.sourceUrl(), a.repositoryUrl(), a.revision(), a.declared(),
                    a.metadataMalformed());
        }

        LineageArtifact artifact() {
            return new LineageArtifact(artifactId, ArtifactType.valueOf(type), name, repoId, sourceKind, sourceUrl,
                    repositoryUrl, revision, declared, metadataMalformed);
        }
    }

    record RelationshipDocument(String artifactId, int ordinal, String target, String targetKey, String targetFlat,
                                String targetLast, String targetCompact, String targetKind, String relationship,
                                String source, String evidence) {

        OwnedRelationship owned() {
            return new OwnedRelationship(artifactId, new DeclaredRelationship(target, targetKind, relationship, source,
                    evidence));
        }
    }

    @Override
    public Optional<LineageArtifact> artifact(String id) {
        try {
            GetResponse<ArtifactDocument> response = artifacts.client().get(g -> g.index(artifacts.name()).id(id),
                    ArtifactDocument.class);
            return response.found() ? Optional.of(response.source().artifact()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch get from " + artifacts.name() + " failed", e);
        }
    }

    /** A multi-get of every ordinal the owner can have: real-time, so it needs no refresh. */
    @Override
    public List<DeclaredRelationship> declaredBy(String id) {
        MgetResponse<RelationshipDocument> response;
        try {
            response = relationships.client().mget(m -> m.index(relationships.name()).ids(ordinalIds(id)),
                    RelationshipDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch multi-get from " + relationships.name() + " failed", e);
        }
        List<RelationshipDocument> found = new ArrayList<>();
        for (MultiGetResponseItem<RelationshipDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new IllegalStateException("OpenSearch could not read a declaration of " + id + ": "
                        + item.failure().error().reason());
            }
            if (item.result().found()) {
                found.add(item.result().source());
            }
        }
        return found.stream().sorted(Comparator.comparingInt(RelationshipDocument::ordinal))
                .map(d -> d.owned().declared()).toList();
    }

    @Override
    public List<LineageArtifact> artifactsMatching(String excludedId, ArtifactKeys keys, int limit) {
        BoolQuery.Builder any = new BoolQuery.Builder();
        boolean some = should(any, "repoKey", keys.repoKeys()) | should(any, "nameKey", keys.nameKeys())
                | should(any, "repoLast", keys.repoLasts()) | should(any, "nameCompact", keys.nameCompacts())
                | should(any, "nameBase", keys.nameBases());
        if (!some || limit <= 0) {
            return List.of();
        }
        Query query = excluding(any, excludedId);
        return IndexQueries.collect(artifacts, query, List.of(ascending("artifactId")), limit, IndexQueries.MAX_PAGE,
                ArtifactDocument.class).stream().map(ArtifactDocument::artifact).toList();
    }

    @Override
    public List<OwnedRelationship> relationshipsMatching(String excludedOwner, RelationshipKeys keys, int limit) {
        BoolQuery.Builder any = new BoolQuery.Builder();
        boolean some = should(any, "targetKey", keys.targetKeys()) | should(any, "targetFlat", keys.flatKeys())
                | should(any, "targetLast", keys.lastKeys()) | should(any, "targetCompact", keys.compactKeys());
        if (!some || limit <= 0) {
            return List.of();
        }
        Query query = excluding(any, excludedOwner);
        return IndexQueries.collect(relationships, query, List.of(ascending("artifactId"), ascending("ordinal")),
                limit, IndexQueries.MAX_PAGE, RelationshipDocument.class).stream()
                .map(RelationshipDocument::owned).toList();
    }

    @Override
    public void putArtifact(LineageArtifact artifact) {
        ArtifactDocument document = ArtifactDocument.of(artifact);
        artifacts.bulk(List.of(BulkOperation.of(b -> b.index(i -> i.id(artifact.id()).document(document)))),
                Refresh.True);
    }

    @Override
    public void replaceDeclarations(String artifactId, List<DeclaredRelationship> declared) {
        List<BulkOperation> writes = new ArrayList<>();
        int kept = Math.min(declared.size(), MAX);
        for (int ordinal = 0; ordinal < kept; ordinal++) {
            DeclaredRelationship r = declared.get(ordinal);
            TargetKeys keys = TargetKeys.of(r.target());
            RelationshipDocument document = new RelationshipDocument(artifactId, ordinal, r.target(), keys.key(),
                    keys.flat(), keys.last(), TargetKeys.compactOf(keys.last()), r.targetKind(), r.relationship(), r.source(),
                    r.evidence());
            String id = ordinalId(artifactId, ordinal);
            writes.add(BulkOperation.of(b -> b.index(i -> i.id(id).document(document))));
        }
        for (int ordinal = kept; ordinal < MAX; ordinal++) {
            String id = ordinalId(artifactId, ordinal);
            writes.add(BulkOperation.of(b -> b.delete(d -> d.id(id))));
        }
        relationships.bulk(writes, Refresh.True);
    }

    @Override
    public void delete(String artifactId) {
        List<BulkOperation> deletes = new ArrayList<>();
        for (String id : ordinalIds(artifactId)) {
            deletes.add(BulkOperation.of(b -> b.delete(d -> d.index(relationships.name()).id(id))));
        }
        deletes.add(BulkOperation.of(b -> b.delete(d -> d.index(artifacts.name()).id(artifactId))));
        relationships.bulk(deletes, Refresh.True);
    }

    @Override
    public void deleteAll() {
        relationships.recreate();
        artifacts.recreate();
    }

    /** Adds a terms clause for a non-empty set; true when it did. */
    private static boolean should(BoolQuery.Builder any, String field, Collection<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        any.should(s -> s.terms(t -> t.field(field).terms(v -> v.value(terms))));
        return true;
    }

    private static Query excluding(BoolQuery.Builder any, String excludedId) {
        BoolQuery matching = any.minimumShouldMatch("1").build();
        return Query.of(q -> q.bool(b -> b.filter(f -> f.bool(matching))
                .mustNot(n -> n.term(t -> t.field("artifactId").value(FieldValue.of(excludedId))))));
    }

    private static SortOptions ascending(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Asc)));
    }

    /** The owner's id, then the ordinal: the last '#' separates them, whatever the owner's id holds. */
    private static String ordinalId(String artifactId, int ordinal) {
        return artifactId + "#" + ordinal;
    }

    private static List<String> ordinalIds(String artifactId) {
        return IntStream.range(0, MAX).mapToObj(ordinal -> ordinalId(artifactId, ordinal)).toList();
    }
}
