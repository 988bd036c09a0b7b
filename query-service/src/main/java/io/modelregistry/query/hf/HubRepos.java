package io.modelregistry.query.hf;

import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Maps a Hub repo id and revision to a registered version (of a model or a dataset: the same rules). A model ingested from HuggingFace answers to its source
 * repo id ({@code org/name}; found by its exact name first, as the search read model matches names exactly, then
 * its source compared case-insensitively); an upload, which has no source repo, to its registry name. A revision
 * is {@code main} or {@code HEAD} (the latest version), a version ({@code 1.2.0} or {@code v1.2.0}), or the commit
 * id this API gives a version ({@link #commit}).
 */
@Component
class HubRepos {

    /** Candidates looked at per lookup: names are not unique, but a handful of same-named artifacts is the most seen. */
    static final int MAX_CANDIDATES = 100;

    private final ArtifactSearch search;
    private final ArtifactDirectory directory;

    HubRepos(ArtifactSearch search, ArtifactDirectory directory) {
        this.search = search;
        this.directory = directory;
    }

    /** The latest version of the artifact of this type the Hub id names. */
    Optional<ArtifactRecord> find(RepoType type, String repo) {
        String shortName = repo.substring(repo.lastIndexOf('/') + 1);
        Map<String, ArtifactSummary> candidates = new LinkedHashMap<>();
        for (String name : List.of(repo, shortName)) {
            search.byName(name).stream().limit(MAX_CANDIDATES).forEach(s -> candidates.putIfAbsent(s.id(), s));
        }
        ArtifactRecord byName = null;
        for (ArtifactSummary summary : candidates.values()) {
            if (summary.type() != type.artifactType()) {
                continue;
            }
            Optional<ArtifactRecord> record = directory.find(type.artifactType(), summary.id());
            if (record.isEmpty()) {
                continue;
            }
            String source = record.get().repoId();
            if (source != null && source.toLowerCase(Locale.ROOT).equals(repo.toLowerCase(Locale.ROOT))) {
                return record;
            }
            if (byName == null && (source == null || source.isBlank()) && record.get().name().equals(repo)) {
                byName = record.get();
            }
        }
        return Optional.ofNullable(byName);
    }

    /** The version {@code revision} names, of the artifact {@code latest} is the latest version of. */
    Optional<ArtifactRecord> revision(ArtifactRecord latest, String revision) {
        // HEAD is what @huggingface/hub asks for when no revision is given: the default branch
        if (revision == null || revision.isEmpty() || revision.equals("main") || revision.equals("refs/heads/main")
                || revision.equals("HEAD")) {
            return Optional.of(latest);
        }
        String wanted = revision.startsWith("refs/tags/") ? revision.substring("refs/tags/".length()) : revision;
        String version = wanted.startsWith("v") ? wanted.substring(1) : wanted;
        for (ArtifactRecord record : directory.versions(latest.id())) {
            if (commit(record).equals(wanted) || record.version().equals(version)) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    /** Every version, newest first. */
    List<ArtifactRecord> versions(ArtifactRecord latest) {
        return new ArrayList<>(directory.versions(latest.id()));
    }

    /** The id clients see for a record: its source repo id, or the upload's name. */
    static String hubId(ArtifactRecord record) {
        return record.repoId() == null || record.repoId().isBlank() ? record.name() : record.repoId();
    }

    /**
     * A 40-hex "commit" per version, as the Hub's {@code sha}: clients key their cache by it, so it must change when
     * the content does and stay when it does not. The package digest (a sha-256 of the manifest) has both properties.
     */
    static String commit(ArtifactRecord record) {
        String digest = record.packageDigest();
        return digest.length() >= 40 ? digest.substring(0, 40) : digest;
    }
}
