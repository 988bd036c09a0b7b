package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.ArtifactContent;

/**
 * The outcome of an ingest: the content to register (its bundle already durable in the blob store) and the
 * name derived from the URL (see {@link SourceIngestor} for the rule; a client-supplied name overrides it).
 */
public record IngestedSource(String derivedName, ArtifactContent content) {
}
