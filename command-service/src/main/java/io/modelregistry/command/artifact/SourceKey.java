package io.modelregistry.command.artifact;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceRef;
import java.util.Locale;

/**
 * The identity of "the same source ingested as the same type": a duplicate of it is refused with 409.
 * Different spellings of one repository (with or without {@code .git}, {@code /tree/main}, a legacy id that
 * the hub redirects) parse to the same repo id, so they collide; a different sub-folder does not.
 */
final class SourceKey {

    private SourceKey() {
    }

    static String of(ArtifactType type, SourceRef source) {
        String subPath = source.subPath() == null ? "" : source.subPath();
        return type.wireName() + "|" + source.kind() + "|" + source.repoId().toLowerCase(Locale.ROOT) + "|" + subPath;
    }
}
