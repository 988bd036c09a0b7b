package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;

/**
 * The outcome of an ingest: the content to register (its bundle already durable in the blob store) and the
 * name derived from the URL (see {@link SourceIngestor} for the rule; a client-supplied name overrides it), and
 * the text of the documents the content names by digest, so the rating reads them without a round trip.
 */
public record IngestedSource(String derivedName, ArtifactContent content, ArtifactDocuments documents) {
}
