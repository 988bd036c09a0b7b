package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.hub.NameRule;
import io.modelregistry.hub.SourceUrlParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ingests a source named by a user-submitted URL: parses it (only HuggingFace, GitHub and Kaggle URLs, see
 * {@link SourceUrlParser}), fetches it from the configured endpoints only (never from the URL's host),
 * stores a bundle (README, config and other small files plus a manifest, see {@link BundleWriter}) and the
 * documents the read models need (README, config, hub metadata) in the blob store, and returns the content to register. The bundle is durable before this returns (blob first,
 * event second).
 *
 * <p>Derived names ({@link IngestedSource#derivedName()}), used when the client gives none: HuggingFace
 * model/dataset → the repo name ({@code bert-base-uncased}, {@code bookcorpus}); GitHub → {@code OWNER-REPO}
 * ({@code google-research-bert}); Kaggle → the dataset name. See {@link NameRule}.
 *
 * <p>The content's {@link ArtifactContent#source()} is the resolved reference: the canonical repo id (a
 * legacy HF id like {@code bert-base-uncased} becomes {@code google-bert/bert-base-uncased}) and the revision
 * actually read (the commit sha for HuggingFace, the branch for GitHub). {@code sourceUrl} is the URL exactly
 * as submitted.
 *
 * <p>Errors: a bad URL, an unknown repo or a URL that does not fit the artifact type → {@code BAD_REQUEST};
 * an upstream that is down, slow or answering 5xx → {@code UPSTREAM_UNAVAILABLE}.
 */
@Component
public final class SourceIngestor {

    private static final Logger log = LoggerFactory.getLogger(SourceIngestor.class);

    private final SourceUrlParser parser;
    private final HuggingFaceSource huggingFace;
    private final GitHubSource gitHub;
    private final KaggleSource kaggle;
    private final BundleWriter bundles;
    private final ArtifactDocumentStore documents;

    SourceIngestor(SourceUrlParser parser, HuggingFaceSource huggingFace, GitHubSource gitHub, KaggleSource kaggle,
                   BundleWriter bundles, ArtifactDocumentStore documents) {
        this.parser = parser;
        this.huggingFace = huggingFace;
        this.gitHub = gitHub;
        this.kaggle = kaggle;
        this.bundles = bundles;
        this.documents = documents;
    }

    /** Validates and parses only, fetching nothing: cheap enough to refuse bad or duplicate input up front. */
    public SourceRef parse(ArtifactType type, String url) {
        return parser.parse(type, url);
    }

    /** Parses, fetches, and stores the bundle; see the class comment for names, errors and the resolved ref. */
    public IngestedSource ingest(ArtifactType type, String url) {
        return ingest(type, url, parser.parse(type, url), null);
    }

    /**
     * As {@link #ingest(ArtifactType, String)}, with the source's revision pinned to {@code commit} (a version
     * tag's target) and the content named {@code version}; {@code commit == null} reads what the URL names.
     */
    IngestedSource ingest(ArtifactType type, String url, String commit, String version) {
        SourceRef parsed = parser.parse(type, url);
        SourceRef requested = commit == null ? parsed
                : new SourceRef(parsed.kind(), parsed.repoId(), commit, parsed.subPath(), parsed.canonicalUrl());
        return ingest(type, url, requested, version);
    }

    private IngestedSource ingest(ArtifactType type, String url, SourceRef requested, String version) {
        FetchedSource fetched = switch (requested.kind()) {
            case HUGGINGFACE_MODEL, HUGGINGFACE_DATASET -> huggingFace.fetch(requested);
            case GITHUB_REPOSITORY -> gitHub.fetch(requested);
            case KAGGLE_DATASET -> kaggle.fetch(requested);
            // The URL parser never yields an upload: uploads arrive as zips, not URLs, and are never fetched.
            case UPLOAD -> throw new IllegalStateException("an uploaded artifact has no source to fetch");
        };
        StoredPackage pkg = bundles.store(url, requested, fetched);
        log.info("ingested {} {} {}@{}: {} files listed, {} stored, bundle {} ({} bytes)", type.wireName(),
                fetched.source().kind(), fetched.source().repoId(), fetched.source().revision(), pkg.files().size(),
                fetched.storedFiles().size(), pkg.digest(), pkg.bundleBytes());
        // Documents are blobs, durable before the event that names them by digest is appended.
        ArtifactContent content = new ArtifactContent(url, fetched.source(), pkg, documents.store(fetched.docs()),
                fetched.licence(), fetched.note(), version);
        return new IngestedSource(NameRule.derive(requested), content, fetched.docs());
    }
}
