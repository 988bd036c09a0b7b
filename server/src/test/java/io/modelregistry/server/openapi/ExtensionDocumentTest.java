package io.modelregistry.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Our extension document must be valid OpenAPI 3.0, and must not redefine the contract's document. */
class ExtensionDocumentTest {

    @Test
    void extensionDocumentIsValidOpenApi() throws IOException {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(resource("openapi/registry-extensions.yaml"));
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/artifact/model/{id}/lineage",
                "/artifact/model/{id}/license-check/explain", "/artifact/model/{id}/rate",
                "/artifact/model/{id}/rate/history", "/artifact/model/{id}/rate/reasons", "/artifact/model/{id}/vetting", "/ingest/refusals",
                "/download/{id}", "/artifact/{artifact_type}/{id}/cost/aspects", "/artifacts/confusion-audit",
                "/artifact/model/{id}/sensitive", "/artifact/model/{id}/monitor", "/downloads/history",
                "/transactions", "/transactions/{id}", "/transactions/{id}/commands",
                "/transactions/{id}/uploads/{artifact_type}", "/transactions/{id}/execute", "/artifact-groups/download",
                "/workload/runs", "/workload/runs/current");
    }

    @Test
    void huggingFaceCompatibleDocumentIsValidOpenApiAndNamesEveryRoute() throws IOException {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(resource("openapi/hf-compat.yaml"));
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/hf/api/models", "/hf/api/models/{org}/{name}",
                "/hf/api/models/{org}/{name}/revision/{revision}", "/hf/api/models/{org}/{name}/tree/{revision}",
                "/hf/api/models/{org}/{name}/refs", "/hf/{org}/{name}/resolve/{revision}/{path}", "/hf/api/datasets",
                "/hf/api/datasets/{org}/{name}", "/hf/api/datasets/{org}/{name}/revision/{revision}",
                "/hf/api/datasets/{org}/{name}/tree/{revision}", "/hf/api/datasets/{org}/{name}/refs",
                "/hf/datasets/{org}/{name}/resolve/{revision}/{path}");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ExtensionDocumentTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
