package io.modelregistry.rating;

import io.modelregistry.api.lineage.TargetKeys;
import io.modelregistry.hub.CardMentions;
import io.modelregistry.hub.GitHubNames;
import io.modelregistry.hub.HubLookup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The datasets and code repositories a model card names: datasets from the front matter's {@code datasets:}
 * and from {@code huggingface.co/datasets/...} links, code from {@code github.com/OWNER/REPO} links. At most
 * {@value #MAX_DATASETS} datasets and {@value #MAX_REPOSITORIES} repositories are followed.
 *
 * <p>Which repository is "the model's code": cards also link the frameworks they run on (transformers,
 * PyTorch...), which say nothing about this model. Repositories of a known framework are dropped unless their
 * owner is the model's own author; a repository whose owner is the model's author, or whose name shares a
 * distinctive word with the model's name (google-research/bert for bert-base-uncased), comes first.
 */
final class CardLinks {

    static final int MAX_DATASETS = 4;
    static final int MAX_REPOSITORIES = 3;
    private static final int MAX_SCANNED = 64;

    private static final Pattern GITHUB = Pattern.compile(
            "https?://(?:www\\.)?github\\.com/([A-Za-z0-9_.-]{1,96})/([A-Za-z0-9_.-]{1,96})");
    private static final Pattern HF_DATASET = Pattern.compile(
            "https?://(?:www\\.)?huggingface\\.co/datasets/([A-Za-z0-9_.-]{1,96}(?:/[A-Za-z0-9_.-]{1,96})?)");
    /** Frameworks and tools many cards link; linking them says nothing about this model's own code. */
    private static final Set<String> FRAMEWORKS = Set.of("huggingface/transformers", "huggingface/datasets",
            "huggingface/huggingface_hub", "huggingface/diffusers", "huggingface/accelerate", "huggingface/peft",
            "huggingface/optimum", "huggingface/tokenizers", "huggingface/safetensors", "huggingface/evaluate",
            "huggingface/transformers.js", "huggingface/trl", "huggingface/text-generation-inference",
            "huggingface/candle", "huggingface/hub-docs", "pytorch/pytorch", "pytorch/vision", "pytorch/audio",
            "tensorflow/tensorflow", "tensorflow/models", "keras-team/keras", "google/jax", "google/flax",
            "ggerganov/llama.cpp", "ggml-org/llama.cpp", "microsoft/onnxruntime", "onnx/onnx", "vllm-project/vllm",
            "mlco2/impact", "openai/tiktoken", "sentence-transformers/sentence-transformers",
            "UKPLab/sentence-transformers", "pytorch/fairseq", "facebookresearch/fairseq", "apple/coremltools");
    /** Words too common in model names to tie a repository to a model. */
    private static final Set<String> GENERIC = Set.of("base", "large", "small", "tiny", "medium", "mini", "model",
            "models", "uncased", "cased", "english", "finetuned", "fine", "tuned", "instruct", "chat", "onnx", "v1",
            "v2", "v3", "hf", "the", "and", "for", "with");

    private CardLinks() {
    }

    /** Dataset ids named by the card, front matter first, in order, without duplicates. */
    static List<String> datasets(ModelCard card) {
        Set<String> ids = new LinkedHashSet<>();
        for (String declared : card.frontMatterList("datasets")) {
            String id = declared.strip();
            if (HubLookup.isHuggingFaceId(id)) {
                ids.add(id);
            }
        }
        Matcher m = HF_DATASET.matcher(card.body());
        int scanned = 0;
        while (m.find() && scanned++ < MAX_SCANNED) {
            String id = trimId(m.group(1));
            if (HubLookup.isHuggingFaceId(id)) {
                ids.add(id);
            }
        }
        return ids.stream().limit(MAX_DATASETS).toList();
    }

    /**
     * Dataset names the card's prose mentions ({@link CardMentions}) that it does not already declare or link
     * (compared without case and separators), at most {@link CardMentions#MAX_MENTIONS}.
     */
    static List<String> mentions(ModelCard card, List<String> declared) {
        Set<String> known = new java.util.HashSet<>();
        for (String id : declared) {
            known.add(TargetKeys.compactOf(id));
            known.add(TargetKeys.compactOf(TargetKeys.lastSegment(id)));
        }
        return CardMentions.of(card.body()).stream().filter(name -> !known.contains(TargetKeys.compactOf(name)))
                .toList();
    }

    /** GitHub repositories (OWNER/REPO) named by the card, the model's own code first; see the class comment. */
    static List<String> repositories(ModelCard card, String modelRepoId) {
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = GITHUB.matcher(card.body());
        int scanned = 0;
        while (m.find() && scanned++ < MAX_SCANNED) {
            String owner = m.group(1);
            String repo = trimId(m.group(2));
            if (repo.toLowerCase(Locale.ROOT).endsWith(".git")) {
                repo = repo.substring(0, repo.length() - 4);
            }
            String fullName = owner + "/" + repo;
            if (GitHubNames.isSitePage(owner) || !HubLookup.isGitHubFullName(fullName)
                    || seen.stream().anyMatch(fullName::equalsIgnoreCase)) {
                continue;
            }
            seen.add(fullName);
        }
        String author = author(modelRepoId);
        List<String> related = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String fullName : seen) {
            String owner = fullName.substring(0, fullName.indexOf('/')).toLowerCase(Locale.ROOT);
            boolean ownedByAuthor = owner.equals(author);
            if (isFramework(fullName) && !ownedByAuthor) {
                continue;
            }
            if (ownedByAuthor || sharesWord(fullName, modelRepoId)) {
                related.add(fullName);
            } else {
                others.add(fullName);
            }
        }
        related.addAll(others);
        return related.stream().limit(MAX_REPOSITORIES).toList();
    }

    private static boolean isFramework(String fullName) {
        return FRAMEWORKS.stream().anyMatch(fullName::equalsIgnoreCase);
    }

    private static String author(String repoId) {
        if (repoId == null || !repoId.contains("/")) {
            return "";
        }
        return repoId.substring(0, repoId.indexOf('/')).toLowerCase(Locale.ROOT);
    }

    /** Whether a distinctive word (4+ letters, not generic) of the repository also occurs in the model's id. */
    static boolean sharesWord(String fullName, String modelRepoId) {
        if (modelRepoId == null) {
            return false;
        }
        Set<String> modelWords = words(modelRepoId);
        for (String word : words(fullName)) {
            for (String modelWord : modelWords) {
                if (modelWord.equals(word) || modelWord.startsWith(word) || word.startsWith(modelWord)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> words(String id) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : id.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.length() >= 4 && !GENERIC.contains(word) && !word.chars().allMatch(Character::isDigit)) {
                words.add(word);
            }
        }
        return words;
    }

    /** Links end where sentences do: a trailing dot is punctuation, not part of an id. */
    private static String trimId(String id) {
        String out = id;
        while (out.endsWith(".")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
