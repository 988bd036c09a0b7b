package io.modelregistry.command.upload;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.error.RegistryException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.semver4j.Semver;

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

    /**
     * The version as a normalised semantic version: strict semver 2.0 ({@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}), a
     * {@code v} prefix dropped; anything else is refused. Absent means 1.0.0.
     */
    static String version(String requested) {
        if (requested == null || requested.isBlank()) {
            return io.modelregistry.api.artifact.ArtifactContent.DEFAULT_VERSION;
        }
        String text = requested.strip();
        if (text.length() > 64) {
            throw RegistryException.badRequest("A version must be at most 64 characters.");
        }
        if (text.startsWith("v") || text.startsWith("V")) {
            text = text.substring(1);
        }
        Semver parsed = Semver.parse(text);
        if (parsed == null) {
            throw RegistryException.badRequest("'" + requested.strip() + "' is not a semantic version (e.g. 1.0.0,"
                    + " 2.1.0-rc.1).");
        }
        return parsed.getVersion();
    }
}
