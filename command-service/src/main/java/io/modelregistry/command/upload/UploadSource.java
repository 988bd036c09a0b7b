package io.modelregistry.command.upload;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.version.SemanticVersions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How an upload names its source. There is no public page: the repo id is the artifact's name (so lineage can
 * resolve a card's {@code base_model: NAME} to it, and a second upload of the same name and type is a duplicate),
 * the revision is the version, and there is no canonical URL. The contract's {@code url} (a URI) is a
 * registry-internal URN, {@code urn:model-registry:upload:TYPE:NAME}, which no fetcher accepts: an upload is
 * never fetched from anywhere.
 */
final class UploadSource {

    static final String URN_PREFIX = "urn:model-registry:upload:";

    private UploadSource() {
    }

    static SourceRef ref(String name, String version) {
        return new SourceRef(SourceKind.UPLOAD, name, version, null, null);
    }

    static String url(ArtifactType type, String name) {
        return URN_PREFIX + type.wireName() + ":" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The version as the registry stores every version ({@link SemanticVersions#normalise}); absent means 1.0.0. */
    static String version(String requested) {
        if (requested == null || requested.isBlank()) {
            return ArtifactContent.DEFAULT_VERSION;
        }
        return SemanticVersions.normalise(requested);
    }
}
