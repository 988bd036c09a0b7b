package io.modelregistry.server;

import static io.modelregistry.server.RefusedSourceUrlsTest.asPattern;
import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hub that fails, refuses or answers something malformed while an artifact is ingested (or a project's licence
 * read) reaches the client as that failure's own message, at its own status (502 for an upstream that may answer
 * next time, 400 for what the source itself makes impossible), and registers nothing (no artifact of the name the
 * ingest asked for exists afterwards). The fake hub answers one request wrongly per case; whatever a case left
 * unused is forgotten after it. One registry for all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamFailuresTest extends InProcessRegistryTest {

    private static final String TINY = "arnir0/Tiny-LLM";
    private static final String TINY_COMMIT = "2f425557951c08d5e912c75144e0981c4c33958a";
    /** Pinned to a commit: the ingest reads that revision alone and asks for no version tags. */
    private static final String TINY_AT_COMMIT = "https://huggingface.co/" + TINY + "/tree/" + TINY_COMMIT;
    private static final String TINY_INFO = "/huggingface/api/models/" + TINY + "/revision/" + TINY_COMMIT;
    private static final String TINY_FILES = "/huggingface/" + TINY + "/resolve/" + TINY_COMMIT + "/";
    private static final String NANO_GPT = "/github/repos/karpathy/nanoGPT";
    private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json; charset=utf-8");

    private RegistryClient client;

    @BeforeAll
    void oneRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @AfterEach
    void forgetUnusedFaults() {
        HUB.clearFaults();
    }

    Stream<Arguments> failedIngests() {
        return Stream.of(
                arguments("the refs of a model answered 503", "model", "https://huggingface.co/" + TINY,
                        fault(hub -> hub.failNext("/huggingface/api/models/" + TINY + "/refs", 503)),
                        502, ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_TAGS_TRY),
                arguments("the refs of a model answered as something other than JSON", "model",
                        "https://huggingface.co/" + TINY,
                        fault(hub -> hub.answerNext("/huggingface/api/models/" + TINY + "/refs", 200, JSON_TYPE,
                                bytes("{\"tags\": [unquoted"))),
                        502, ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_MALFORMED_REFS),
                arguments("the info of a model answered 503", "model", TINY_AT_COMMIT,
                        fault(hub -> hub.failNext(TINY_INFO, 503)),
                        502, ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_TRY_AGAIN),
                arguments("the hub knows no such revision", "model", TINY_AT_COMMIT,
                        fault(hub -> hub.answerNext(TINY_INFO, 404, Map.of("Content-Type", "application/json",
                                "X-Error-Code", "RevisionNotFound"), bytes("{\"error\":\"Invalid rev id\"}"))),
                        400, ErrorMessage.INGEST_HUGGINGFACE_REVISION),
                arguments("the info of a model is larger than the metadata bound", "model", TINY_AT_COMMIT,
                        fault(hub -> hub.answerNext(TINY_INFO, 200, JSON_TYPE, spaces(4 * 1024 * 1024 + 1))),
                        400, ErrorMessage.INGEST_METADATA_HUGGINGFACE_LARGER_MIB),
                arguments("the info of a model is JSON but no object", "model", TINY_AT_COMMIT,
                        fault(hub -> hub.answerNext(TINY_INFO, 200, JSON_TYPE, bytes("[\"not\", \"an\", \"object\"]"))),
                        502, ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_MALFORMED_METADATA),
                arguments("a small file of the model answered 503", "model", TINY_AT_COMMIT,
                        fault(hub -> hub.failNext(TINY_FILES, 503)),
                        502, ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_WHILE_DOWNLOADING),
                arguments("a larger file streamed into the blob store answered 503", "model", TINY_AT_COMMIT,
                        fault(hub -> hub.failNext(TINY_FILES + "tokenizer.json", 503)),
                        502, ErrorMessage.INGEST_ANSWERED_WHILE_DOWNLOADING_TRY),
                arguments("GitHub knows no such repository", "code", "https://github.com/nobody-here/no-such-repo",
                        fault(hub -> { }),
                        400, ErrorMessage.INGEST_GITHUB_REPOSITORY_FOUND_MAY),
                arguments("GitHub answered 503 for the repository", "code", "https://github.com/karpathy/nanoGPT",
                        fault(hub -> hub.failNext(NANO_GPT, 503)),
                        502, ErrorMessage.INGEST_GITHUB_WHILE_FETCHING_TRY),
                arguments("GitHub answered the repository with something other than JSON", "code",
                        "https://github.com/karpathy/nanoGPT",
                        fault(hub -> hub.answerNext(NANO_GPT, 200, JSON_TYPE, bytes("<html>a proxy's page</html>"))),
                        502, ErrorMessage.INGEST_GITHUB_ANSWERED_MALFORMED_METADATA),
                arguments("GitHub answered the repository with more than the metadata bound", "code",
                        "https://github.com/karpathy/nanoGPT",
                        fault(hub -> hub.answerNext(NANO_GPT, 200, JSON_TYPE, spaces(4 * 1024 * 1024 + 1))),
                        400, ErrorMessage.INGEST_METADATA_GITHUB_REPOSITORY_LARGER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedIngests")
    void anIngestWhoseHubFailsIsAnsweredWithThatFailureAndRegistersNothing(String why, String type, String url,
            Consumer<FakeHub> fault, int status, ErrorMessage expected) {
        fault.accept(HUB);
        HttpExchange answer = client.post("/artifact/" + type, ingestBody(url, "upstream-failure"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(json(answer).path("message").asText()).matches(asPattern(expected));
        assertThat(client.post("/artifact/byRegEx", "{\"regex\": \"^upstream-failure$\"}").status())
                .as("nothing was registered").isEqualTo(404);
    }

    @Test
    void aLicenceCheckWhoseGitHubAnswers503IsABadGatewayNamingTheRepository() throws Exception {
        String model = ModelUploads.model(client, "licence-upstream-failure", "---\nlicense: mit\n---\n# m\n").id();
        HUB.failNext("/github/repos/google-research/bert", 503);
        HttpExchange answer = client.post("/artifact/model/" + model + "/license-check",
                "{\"github_url\":\"https://github.com/google-research/bert\"}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(502);
        assertThat(json(answer).path("message").asText())
                .matches(asPattern(ErrorMessage.LICENCE_LICENCE_GITHUB_REPOSITORY_COULD))
                .contains("google-research/bert").contains("503");
        assertThat(client.post("/artifact/model/" + model + "/license-check",
                "{\"github_url\":\"https://github.com/google-research/bert\"}").status())
                .as("the next check, GitHub answering again").isEqualTo(200);
    }

    private static Consumer<FakeHub> fault(Consumer<FakeHub> f) {
        return f;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] spaces(int n) {
        byte[] body = new byte[n];
        Arrays.fill(body, (byte) ' ');
        return body;
    }
}
