package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An ingest that yields every version of a source, oldest first, each stored (blobs first) and ready to register
 * in one decision. A HuggingFace repository's versions are its semantic-version tags ({@link HuggingFaceTags}),
 * the newest {@link VersionSettings#maxIngestedTags()} of them, each read at its tag's commit. A repository with
 * no such tag, a URL that names a revision of its own ({@code /tree/dev}), and every other source are one version,
 * {@link ArtifactContent#DEFAULT_VERSION}, at what the URL names (the default branch). With tags, the versions are
 * exactly the tags: commits on the default branch after the newest tag are no version.
 */
@Component
public final class VersionedIngest {

    private static final Logger log = LoggerFactory.getLogger(VersionedIngest.class);

    private final SourceIngestor ingestor;
    private final HuggingFaceTags tags;
    private final VersionSettings settings;

    VersionedIngest(SourceIngestor ingestor, HuggingFaceTags tags, VersionSettings settings) {
        this.ingestor = ingestor;
        this.tags = tags;
        this.settings = settings;
    }

    /** Every version of the source at {@code url}, oldest first (never empty). */
    public List<IngestedSource> ingestVersions(ArtifactType type, String url) {
        SourceRef requested = ingestor.parse(type, url);
        boolean huggingFace = requested.kind() == SourceKind.HUGGINGFACE_MODEL
                || requested.kind() == SourceKind.HUGGINGFACE_DATASET;
        if (!huggingFace || !"main".equals(requested.revision())) {
            return List.of(ingestor.ingest(type, url));
        }
        boolean dataset = requested.kind() == SourceKind.HUGGINGFACE_DATASET;
        Optional<List<HuggingFaceTags.VersionTag>> found =
                tags.versionTags(dataset, requested.repoId(), settings.maxIngestedTags());
        IngestedSource head = null;
        if (found.isEmpty()) {
            // refs not found under the requested id (a renamed repository): ask again by the canonical id
            head = ingestor.ingest(type, url);
            String canonical = head.content().source().repoId();
            if (!canonical.equals(requested.repoId())) {
                found = tags.versionTags(dataset, canonical, settings.maxIngestedTags());
            }
        }
        List<HuggingFaceTags.VersionTag> versionTags = found.orElse(List.of());
        if (versionTags.isEmpty()) {
            return List.of(head != null ? head : ingestor.ingest(type, url));
        }
        List<HuggingFaceTags.VersionTag> oldestFirst = new ArrayList<>(versionTags);
        Collections.reverse(oldestFirst);
        List<IngestedSource> versions = new ArrayList<>();
        for (HuggingFaceTags.VersionTag tag : oldestFirst) {
            versions.add(ingestor.ingest(type, url, tag.commit(), tag.version()));
        }
        log.info("ingested {} versions of {}: {}", versions.size(), requested.repoId(),
                oldestFirst.stream().map(HuggingFaceTags.VersionTag::version).toList());
        return List.copyOf(versions);
    }
}
