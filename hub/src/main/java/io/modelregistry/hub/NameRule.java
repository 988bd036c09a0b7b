package io.modelregistry.hub;

import io.modelregistry.api.artifact.SourceRef;

/**
 * The name an artifact gets when the client does not give one (a client-supplied name always wins):
 * <ul>
 *   <li>HuggingFace model or dataset: the repo name, i.e. the last segment of the repo id as written in the
 *       URL ({@code google-bert/bert-base-uncased} and legacy {@code bert-base-uncased} both give
 *       {@code bert-base-uncased}; {@code datasets/bookcorpus/bookcorpus} gives {@code bookcorpus});</li>
 *   <li>GitHub: {@code OWNER-REPO} ({@code google-research-bert}, {@code openai-whisper}), also for URLs into
 *       a branch or folder, since repo names alone collide too often ({@code bert}, {@code models});</li>
 *   <li>Kaggle: the dataset name.</li>
 * </ul>
 * It is derived from the URL, not from what the upstream answers, so it is stable across renames.
 */
public final class NameRule {

    private NameRule() {
    }

    public static String derive(SourceRef parsed) {
        String repoId = parsed.repoId();
        return switch (parsed.kind()) {
            case GITHUB_REPOSITORY -> repoId.replace('/', '-');
            case HUGGINGFACE_MODEL, HUGGINGFACE_DATASET, KAGGLE_DATASET -> repoId.substring(repoId.lastIndexOf('/') + 1);
            // An upload has no URL: its "repo id" is the name the uploader chose.
            case UPLOAD -> repoId;
        };
    }
}
