package io.modelregistry.projection.timetravel;

import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.projection.lineage.LineageGraphs;
import io.modelregistry.projection.lineage.LineageReadModel;
import java.time.Instant;

/**
 * The read models as they stood at {@code asOf}: built by replaying the log's first {@code eventsReplayed} events
 * (every one stamped at or before that instant) into a private {@link ReplayStore}. Read-only for its callers;
 * {@link TimeTravel} closes it when it leaves the cache.
 */
public record PastReadModels(Instant asOf, long eventsReplayed, ArtifactDirectory directory, ArtifactSearch search,
                             AuditTrail audit, RatingReadModel ratings, LineageReadModel lineage,
                             LineageGraphs lineageGraphs) {
}
