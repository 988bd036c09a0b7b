package io.modelregistry.server;

import static io.modelregistry.server.RefusedSourceUrlsTest.asPattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.server.support.RawHttp;
import io.modelregistry.server.support.RegistryClient;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The servlet container's own refusals other than 400 (which {@link ContainerErrorsTest} covers with its headers and
 * state checks) each leave with the catalogue entry of their status. Over a bare socket: {@code HttpClient} would
 * not send these requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerStatusesTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryClient client;
    private RawHttp raw;

    @BeforeAll
    void oneRegistry() {
        client = freshRegistry(exchange -> { });
        raw = new RawHttp(port, 10_000);
    }

    Stream<Arguments> refused() {
        return Stream.of(
                arguments("GET /health HTTP/2.0", Map.of(), 505, ErrorMessage.CONTAINER_HTTP_VERSION),
                arguments("POST /artifacts HTTP/1.1", Map.of("Transfer-Encoding", "gzip"), 501,
                        ErrorMessage.CONTAINER_NOT_IMPLEMENTED),
                arguments("POST /artifacts HTTP/1.1", Map.of("Expect", "200-ok", "Content-Length", "2"), 417,
                        ErrorMessage.CONTAINER_EXPECTATION_FAILED));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refused")
    void aContainerRefusalIsAnsweredWithTheEntryOfItsStatus(String requestLine, Map<String, String> headers,
                                                            int status, ErrorMessage expected) throws Exception {
        Map<String, String> withToken = new java.util.HashMap<>(headers);
        withToken.put("X-Authorization", client.token());
        RawHttp.Answer answer = raw.send(requestLine, withToken, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(JSON.readTree(answer.body()).path("message").asText()).matches(asPattern(expected));
    }
}
