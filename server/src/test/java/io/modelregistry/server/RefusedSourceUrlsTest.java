package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.RegistryClient;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a source URL can be refused reaches the client over HTTP as a 400 with that refusal's own message (the
 * parser's unit test covers the parsing; this covers the answer), each exchange validated against the contract.
 * One registry for all cases: a refused ingest changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedSourceUrlsTest extends InProcessRegistryTest {

    private static final ContractValidator CONTRACT = new ContractValidator();

    private RegistryClient client;

    @BeforeAll
    void oneRegistry() {
        client = freshRegistry(CONTRACT::check);
    }

    Stream<Arguments> refused() {
        return Stream.of(
                arguments("model", "https://huggingface.co/org/na me", ErrorMessage.HUB_SOURCE_URL_MUST_CONTAIN),
                arguments("model", "https://huggingface_co/org/name", ErrorMessage.HUB_SOURCE_URL_VALID_HOST),
                arguments("model", "https://huggingface.co/" + "a/".repeat(70) + "b", ErrorMessage.HUB_SOURCE_URL_TOO_MANY),
                arguments("model", "https://huggingface.co/", ErrorMessage.HUB_URL_NAMES_HUGGINGFACE_REPOSITORY),
                arguments("model", "https://huggingface.co/spaces/org/app", ErrorMessage.HUB_HUGGINGFACE_SPACES_SUPPORTED_GIVE),
                arguments("model", "https://huggingface.co/models", ErrorMessage.HUB_HUGGINGFACE_CO_URL_SITE),
                arguments("dataset", "https://huggingface.co/datasets", ErrorMessage.HUB_URL_NAMES_HUGGINGFACE_DATASET),
                arguments("code", "https://github.com/openai", ErrorMessage.HUB_URL_NAMES_GITHUB_REPOSITORY),
                arguments("dataset", "https://www.kaggle.com/competitions/titanic", ErrorMessage.HUB_KAGGLE_DATASET_URLS_HTTPS),
                arguments("dataset", "https://www.kaggle.com/datasets/owner/name/a/b/c/d/e", ErrorMessage.HUB_UNSUPPORTED_KAGGLE_URL_FORM),
                arguments("model", "https://huggingface.co/org/name/tree", ErrorMessage.HUB_URL_NAMES_REVISION_AFTER),
                arguments("code", "https://github.com/a/b/tree/../x", ErrorMessage.HUB_URL_NAMES_INVALID_REVISION),
                arguments("model", "https://huggingface.co/org/name/blob/main", ErrorMessage.HUB_URL_NAMES_FILE_AFTER),
                arguments("model", "https://huggingface.co/org/name/tree/main/" + "d/".repeat(40) + "f", ErrorMessage.HUB_URL_S_PATH_INSIDE),
                arguments("model", "https://huggingface.co/org/name/blob/main/../../secret", ErrorMessage.HUB_URL_S_PATH_INSIDE_REPOSITORY),
                arguments("model", "https://huggingface.co/org/name/discussions/3", ErrorMessage.HUB_UNSUPPORTED_URL_FORM_GIVE),
                arguments("model", "https://huggingface.co/org/" + "a".repeat(97), ErrorMessage.HUB_URL_INVALID_ALLOWED_LETTERS),
                arguments("code", "https://huggingface.co/google-bert/bert-base-uncased", ErrorMessage.HUB_ARTIFACT_CANNOT_INGESTED_MUST));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("refused")
    void aRefusedSourceUrlIsABadRequestWithItsOwnMessage(String type, String url, ErrorMessage expected) {
        var answer = client.post("/artifact/" + type, ingestBody(url));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(json(answer).path("message").asText()).matches(asPattern(expected));
    }

    /** The entry's text with each argument left open: the answer must be this entry, whatever it was filled with. */
    static Pattern asPattern(ErrorMessage message) {
        String[] parts = message.template().split("\\{\\}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append(".*");
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
