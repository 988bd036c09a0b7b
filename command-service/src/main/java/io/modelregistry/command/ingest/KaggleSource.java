package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.SourceRef;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Kaggle needs an API client and per-user credentials the registry does not have, so nothing is fetched:
 * the artifact is registered from what the URL says, with an empty listing and no licence, and its bundle
 * holds only the manifest.
 */
@Component("ingestKaggleSource")
final class KaggleSource {

    static final String NOTE = "metadata only: Kaggle sources are not fetched by this registry";

    FetchedSource fetch(SourceRef ref) {
        return new FetchedSource(ref, List.of(), Map.of(), 0, ArtifactDocuments.none(), null, NOTE);
    }
}
