package io.modelregistry.hub;

import static io.modelregistry.api.artifact.ArtifactType.CODE;
import static io.modelregistry.api.artifact.ArtifactType.DATASET;
import static io.modelregistry.api.artifact.ArtifactType.MODEL;
import static io.modelregistry.api.artifact.SourceKind.GITHUB_REPOSITORY;
import static io.modelregistry.api.artifact.SourceKind.HUGGINGFACE_DATASET;
import static io.modelregistry.api.artifact.SourceKind.HUGGINGFACE_MODEL;
import static io.modelregistry.api.artifact.SourceKind.KAGGLE_DATASET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.error.RegistryException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceUrlParserTest {

    private final SourceUrlParser parser = new SourceUrlParser();
    private static final String NAME_96 = "a".repeat(95) + "b";

    static Stream<Arguments> accepted() {
        return Stream.of(
                // type, url, kind, repoId, revision, subPath, canonical url, derived name
                arguments(MODEL, "https://huggingface.co/google-bert/bert-base-uncased", HUGGINGFACE_MODEL,
                        "google-bert/bert-base-uncased", "main", null, "https://huggingface.co/google-bert/bert-base-uncased",
                        "bert-base-uncased"),
                arguments(MODEL, "https://huggingface.co/bert-base-uncased", HUGGINGFACE_MODEL,
                        "bert-base-uncased", "main", null, "https://huggingface.co/bert-base-uncased", "bert-base-uncased"),
                arguments(MODEL, "https://huggingface.co/distilbert-base-uncased-distilled-squad", HUGGINGFACE_MODEL,
                        "distilbert-base-uncased-distilled-squad", "main", null,
                        "https://huggingface.co/distilbert-base-uncased-distilled-squad",
                        "distilbert-base-uncased-distilled-squad"),
                arguments(MODEL, "https://www.huggingface.co/openai/whisper-tiny/", HUGGINGFACE_MODEL,
                        "openai/whisper-tiny", "main", null, "https://huggingface.co/openai/whisper-tiny", "whisper-tiny"),
                arguments(MODEL, "https://hf.co/openai/whisper-tiny", HUGGINGFACE_MODEL,
                        "openai/whisper-tiny", "main", null, "https://huggingface.co/openai/whisper-tiny", "whisper-tiny"),
                arguments(MODEL, "HTTP://HuggingFace.CO/openai/whisper-tiny", HUGGINGFACE_MODEL,
                        "openai/whisper-tiny", "main", null, "https://huggingface.co/openai/whisper-tiny", "whisper-tiny"),
                arguments(MODEL, "https://huggingface.co/openai/whisper-tiny?library=transformers#usage",
                        HUGGINGFACE_MODEL, "openai/whisper-tiny", "main", null,
                        "https://huggingface.co/openai/whisper-tiny", "whisper-tiny"),
                arguments(MODEL, "  https://huggingface.co/openai/whisper-tiny  ", HUGGINGFACE_MODEL,
                        "openai/whisper-tiny", "main", null, "https://huggingface.co/openai/whisper-tiny", "whisper-tiny"),
                arguments(MODEL, "https://huggingface.co/openai/whisper-tiny/tree/main", HUGGINGFACE_MODEL,
                        "openai/whisper-tiny", "main", null, "https://huggingface.co/openai/whisper-tiny", "whisper-tiny"),
                arguments(MODEL, "https://huggingface.co/onnx-community/trained-gender-ONNX-2/tree/main/onnx",
                        HUGGINGFACE_MODEL, "onnx-community/trained-gender-ONNX-2", "main", "onnx",
                        "https://huggingface.co/onnx-community/trained-gender-ONNX-2", "trained-gender-ONNX-2"),
                arguments(MODEL, "https://huggingface.co/openai/whisper-tiny/blob/main/config.json", HUGGINGFACE_MODEL,
                        "openai/whisper-tiny", "main", "config.json", "https://huggingface.co/openai/whisper-tiny",
                        "whisper-tiny"),
                arguments(MODEL, "https://huggingface.co/openai/whisper-tiny/resolve/v1.0/onnx/model.onnx",
                        HUGGINGFACE_MODEL, "openai/whisper-tiny", "v1.0", "onnx/model.onnx",
                        "https://huggingface.co/openai/whisper-tiny", "whisper-tiny"),
                arguments(MODEL, "https://huggingface.co/bert-base-uncased/tree/main", HUGGINGFACE_MODEL,
                        "bert-base-uncased", "main", null, "https://huggingface.co/bert-base-uncased", "bert-base-uncased"),
                arguments(MODEL, "https://huggingface.co/org/" + NAME_96, HUGGINGFACE_MODEL, "org/" + NAME_96, "main",
                        null, "https://huggingface.co/org/" + NAME_96, NAME_96),
                arguments(DATASET, "https://huggingface.co/datasets/bookcorpus/bookcorpus", HUGGINGFACE_DATASET,
                        "bookcorpus/bookcorpus", "main", null, "https://huggingface.co/datasets/bookcorpus/bookcorpus",
                        "bookcorpus"),
                arguments(DATASET, "https://huggingface.co/datasets/bookcorpus", HUGGINGFACE_DATASET,
                        "bookcorpus", "main", null, "https://huggingface.co/datasets/bookcorpus", "bookcorpus"),
                arguments(DATASET, "https://huggingface.co/datasets/rajpurkar/squad/tree/main/plain_text",
                        HUGGINGFACE_DATASET, "rajpurkar/squad", "main", "plain_text",
                        "https://huggingface.co/datasets/rajpurkar/squad", "squad"),
                arguments(CODE, "https://github.com/google-research/bert", GITHUB_REPOSITORY,
                        "google-research/bert", null, null, "https://github.com/google-research/bert",
                        "google-research-bert"),
                arguments(CODE, "https://github.com/openai/whisper.git", GITHUB_REPOSITORY,
                        "openai/whisper", null, null, "https://github.com/openai/whisper", "openai-whisper"),
                arguments(CODE, "https://www.github.com/openai/whisper/", GITHUB_REPOSITORY,
                        "openai/whisper", null, null, "https://github.com/openai/whisper", "openai-whisper"),
                arguments(CODE, "https://github.com/huggingface/transformers/tree/main/src/transformers",
                        GITHUB_REPOSITORY, "huggingface/transformers", "main", "src/transformers",
                        "https://github.com/huggingface/transformers", "huggingface-transformers"),
                arguments(CODE, "https://github.com/karpathy/nanoGPT/blob/master/model.py", GITHUB_REPOSITORY,
                        "karpathy/nanoGPT", "master", "model.py", "https://github.com/karpathy/nanoGPT",
                        "karpathy-nanoGPT"),
                arguments(MODEL, "https://github.com/openai/whisper", GITHUB_REPOSITORY,
                        "openai/whisper", null, null, "https://github.com/openai/whisper", "openai-whisper"),
                arguments(DATASET, "https://github.com/zalandoresearch/fashion-mnist", GITHUB_REPOSITORY,
                        "zalandoresearch/fashion-mnist", null, null, "https://github.com/zalandoresearch/fashion-mnist",
                        "zalandoresearch-fashion-mnist"),
                arguments(DATASET, "https://www.kaggle.com/datasets/hashemi221022/bank-loans", KAGGLE_DATASET,
                        "hashemi221022/bank-loans", null, null,
                        "https://www.kaggle.com/datasets/hashemi221022/bank-loans", "bank-loans"),
                arguments(DATASET, "https://kaggle.com/datasets/owner/name/data?select=train.csv", KAGGLE_DATASET,
                        "owner/name", null, null, "https://www.kaggle.com/datasets/owner/name", "name"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("accepted")
    void parsesEveryAcceptedForm(ArtifactType type, String url, SourceKind kind, String repoId, String revision,
                                 String subPath, String canonicalUrl, String derivedName) {
        SourceRef ref = parser.parse(type, url);
        assertThat(ref).isEqualTo(new SourceRef(kind, repoId, revision, subPath, canonicalUrl));
        assertThat(NameRule.derive(ref)).isEqualTo(derivedName);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                // other hosts and look-alikes
                arguments(MODEL, "https://example.com/google-bert/bert-base-uncased", "Unsupported host"),
                arguments(MODEL, "https://huggingface.co.evil.com/a/b", "Unsupported host"),
                arguments(MODEL, "https://evil.com#@huggingface.co/a/b", "Unsupported host"),
                arguments(MODEL, "https://evil.com\\@huggingface.co/a/b", "not a valid URL"),
                arguments(MODEL, "https://huggingface.co./a/b", "Unsupported host"),
                arguments(CODE, "https://raw.githubusercontent.com/openai/whisper/main/README.md", "Unsupported host"),
                arguments(CODE, "https://api.github.com/repos/openai/whisper", "Unsupported host"),
                // IP literals and local names
                arguments(MODEL, "http://127.0.0.1/a/b", "Unsupported host"),
                arguments(MODEL, "http://[::1]/a/b", "Unsupported host"),
                arguments(MODEL, "http://169.254.169.254/latest/meta-data", "Unsupported host"),
                arguments(MODEL, "http://2130706433/a/b", "Unsupported host"),
                arguments(MODEL, "http://localhost/a/b", "Unsupported host"),
                arguments(MODEL, "http://localhost:8080/a/b", "port"),
                // userinfo and ports
                arguments(MODEL, "https://user:pass@huggingface.co/a/b", "user information"),
                arguments(CODE, "https://token@github.com/a/b", "user information"),
                arguments(MODEL, "https://huggingface.co:443/a/b", "port"),
                arguments(CODE, "https://github.com:8443/a/b", "port"),
                arguments(MODEL, "https://huggingface.co:/a/b", "port"),
                // other schemes and non-URLs
                arguments(MODEL, "file:///etc/passwd", "http(s)"),
                arguments(MODEL, "javascript:alert(1)", "http(s)"),
                arguments(MODEL, "ftp://huggingface.co/a/b", "http(s)"),
                arguments(MODEL, "data:text/plain,hello", "http(s)"),
                arguments(MODEL, "huggingface.co/google-bert/bert-base-uncased", "http(s)"),
                arguments(MODEL, "//huggingface.co/google-bert/bert-base-uncased", "http(s)"),
                arguments(MODEL, "https:huggingface.co/a/b", "http(s)"),
                arguments(MODEL, "", "required"),
                arguments(MODEL, "   ", "required"),
                arguments(MODEL, null, "required"),
                // length, whitespace, control characters
                arguments(MODEL, "https://huggingface.co/a/" + "b".repeat(2100), "longer than 2048"),
                arguments(MODEL, "https://huggingface.co/org/" + "a".repeat(97), "at most 96"),
                arguments(MODEL, "https://huggingface.co/org/na me", "spaces"),
                arguments(MODEL, "https://huggingface.co/org/name\r\nX-Injected: 1", "spaces"),
                arguments(MODEL, "https://huggingface.co/org/name%20x", "invalid repository name"),
                // path traversal
                arguments(MODEL, "https://huggingface.co/../../etc/passwd", "invalid"),
                arguments(MODEL, "https://huggingface.co/org/..", "invalid repository name"),
                arguments(MODEL, "https://huggingface.co/org/%2e%2e", "invalid repository name"),
                arguments(MODEL, "https://huggingface.co/org/name/blob/main/..%2F..%2Fsecret", "invalid segment"),
                arguments(MODEL, "https://huggingface.co/org/name/blob/main/../../secret", "invalid segment"),
                arguments(CODE, "https://github.com/owner/../x", "invalid repository name"),
                arguments(CODE, "https://github.com/../repo", "invalid owner"),
                arguments(CODE, "https://github.com/a/b/tree/main/../../x", "invalid segment"),
                arguments(CODE, "https://github.com/a/b/tree/../x", "invalid revision"),
                // wrong type for the URL
                arguments(CODE, "https://huggingface.co/google-bert/bert-base-uncased", "code artifact cannot be"
                        + " ingested from a HuggingFace model"),
                arguments(MODEL, "https://huggingface.co/datasets/bookcorpus/bookcorpus", "model artifact cannot be"
                        + " ingested from a HuggingFace dataset"),
                arguments(DATASET, "https://huggingface.co/google-bert/bert-base-uncased", "dataset artifact cannot"
                        + " be ingested from a HuggingFace model"),
                arguments(MODEL, "https://www.kaggle.com/datasets/owner/name", "from a Kaggle dataset"),
                arguments(CODE, "https://www.kaggle.com/datasets/owner/name", "from a Kaggle dataset"),
                arguments(CODE, "https://huggingface.co/datasets/rajpurkar/squad", "GitHub repository"),
                // pages that are not repositories, and unsupported forms
                arguments(MODEL, "https://huggingface.co/spaces/org/app", "Spaces are not supported"),
                arguments(MODEL, "https://huggingface.co/", "names no HuggingFace repository"),
                arguments(MODEL, "https://huggingface.co/models", "site page"),
                arguments(DATASET, "https://huggingface.co/datasets", "names no HuggingFace dataset"),
                arguments(MODEL, "https://huggingface.co/org/name/discussions/3", "Unsupported HuggingFace URL form"),
                arguments(MODEL, "https://huggingface.co/org/name/blob/main", "names no file"),
                arguments(MODEL, "https://huggingface.co/org/name/tree", "names no revision"),
                arguments(CODE, "https://github.com/openai", "names no GitHub repository"),
                arguments(CODE, "https://github.com/orgs/openai/repositories", "names no GitHub repository"),
                arguments(CODE, "https://github.com/openai/whisper/issues/1", "Unsupported GitHub URL form"),
                arguments(CODE, "https://github.com/openai/whisper/blob/main", "names no file"),
                arguments(CODE, "https://github.com/openai/.git", "invalid repository name"),
                arguments(DATASET, "https://www.kaggle.com/competitions/titanic", "Kaggle dataset URLs"),
                arguments(DATASET, "https://www.kaggle.com/datasets/owner", "Kaggle dataset URLs"),
                arguments(DATASET, "https://www.kaggle.com/datasets/owner/name/a/b/c/d/e", "Unsupported Kaggle"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rejected")
    void refusesWithAClearBadRequest(ArtifactType type, String url, String messagePart) {
        assertThatThrownBy(() -> parser.parse(type, url))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    @Test
    void typeIsRequired() {
        assertThatThrownBy(() -> parser.parse(null, "https://github.com/openai/whisper"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST));
    }

    @Test
    void errorMessagesDoNotEchoLongInput() {
        String url = "https://" + "x".repeat(1500) + ".com/a/b";
        assertThatThrownBy(() -> parser.parse(MODEL, url)).hasMessageContaining("Unsupported host")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void duplicateKeysIgnoreUrlSpellingButNotTypeOrPath() {
        String plain = key(CODE, "https://github.com/openai/whisper");
        assertThat(key(CODE, "https://github.com/OpenAI/Whisper.git/")).isEqualTo(plain);
        assertThat(key(CODE, "https://www.github.com/openai/whisper?tab=readme#x")).isEqualTo(plain);
        assertThat(key(CODE, "https://github.com/openai/whisper/tree/dev")).isEqualTo(plain);
        assertThat(key(DATASET, "https://github.com/openai/whisper")).isNotEqualTo(plain);
        assertThat(key(CODE, "https://github.com/openai/whisper/tree/main/whisper")).isNotEqualTo(plain);
        assertThat(key(MODEL, "https://huggingface.co/google-bert/bert-base-uncased"))
                .isEqualTo(key(MODEL, "https://hf.co/google-bert/bert-base-uncased/"))
                .isNotEqualTo(key(MODEL, "https://huggingface.co/bert-base-uncased"));
    }

    private String key(ArtifactType type, String url) {
        return parser.parse(type, url).duplicateKey(type);
    }
}
