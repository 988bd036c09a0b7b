package io.modelregistry.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.command.upload.TestZips;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Uploads a small private model zip as a client's user: the quickest way to an artifact with a download link. */
public final class ModelUploads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ModelUploads() {
    }

    /** An uploaded model: its id and the uploader's signed download link. */
    public record Uploaded(String id, String link) {
    }

    /** Uploads a model named {@code name} whose card is {@code readme}; asserts the 201. */
    public static Uploaded model(RegistryClient client, String name, String readme) throws Exception {
        return model(client, name, TestZips.model(readme));
    }

    /** Uploads a model named {@code name} made of {@code files} (path to bytes); asserts the 201. */
    public static Uploaded model(RegistryClient client, String name, Map<String, byte[]> files) throws Exception {
        HttpResponse<byte[]> response = upload(client, name, files);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        return new Uploaded(created.at("/metadata/id").asText(), created.at("/data/download_url").asText());
    }

    /** Uploads a small dataset named {@code name} (a card and a CSV); asserts the 201. */
    public static Uploaded dataset(RegistryClient client, String name) throws Exception {
        byte[] zip = TestZips.zip(TestZips.files("README.md", "# " + name + "\n", "train.csv", "x,y\n1,2\n"));
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact/dataset/upload?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "&version=1.0.0")).timeout(Duration.ofSeconds(120))
                .header("X-Authorization", client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        return new Uploaded(created.at("/metadata/id").asText(), created.at("/data/download_url").asText());
    }

    /** The raw answer to uploading a model named {@code name} whose card is {@code readme}. */
    public static HttpResponse<byte[]> upload(RegistryClient client, String name, String readme) throws Exception {
        return upload(client, name, TestZips.model(readme));
    }

    private static HttpResponse<byte[]> upload(RegistryClient client, String name, Map<String, byte[]> files)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact/model/upload?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "&version=1.0.0")).timeout(Duration.ofSeconds(120))
                .header("X-Authorization", client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestZips.zip(files))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
