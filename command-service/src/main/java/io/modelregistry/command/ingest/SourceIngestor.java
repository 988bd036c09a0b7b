package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceRef;

/** Placeholder until the ingest branch lands (replaced wholesale by it). */
public final class SourceIngestor {
    public SourceRef parse(ArtifactType type, String url) {
        throw new UnsupportedOperationException();
    }

    public IngestedSource ingest(ArtifactType type, String url) {
        throw new UnsupportedOperationException();
    }
}
