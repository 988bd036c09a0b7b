package io.modelregistry.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry's public REST API, as much of it as the workload uses: the contract's authenticate, ingest, query and
 * read, and the upload extension. Every call has a timeout; a token is replaced before its use budget runs out.
 */
public final class RegistryApi {

    /** Tokens last 1,000 requests (decision 0004); a new one is fetched well before. */
    private static final int USES_PER_TOKEN = 900;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final TokenSource tokens;
    private final AtomicInteger uses = new AtomicInteger();
    private volatile String token;

    public RegistryApi(HttpClient http, String baseUrl, TokenSource tokens) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = tokens;
    }

    /** A login through the contract's {@code PUT /authenticate}, as a {@link TokenSource}. */
    public static TokenSource login(HttpClient http, String baseUrl, String user, String password) {
        return () -> {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("user").put("name", user).put("is_admin", true);
            body.putObject("secret").put("password", password);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/authenticate")).timeout(CALL_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            Answer answer = send(http, request);
            if (answer.status() != 200) {
                throw new WorkloadException("PUT /authenticate answered " + answer.status() + ": " + answer.text());
            }
            return answer.json().asText();
        };
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** An uploaded or ingested model: its id, name and signed download link. */
    public record Model(String id, String name, String downloadUrl) {
    }

    /** {@code POST /artifact/model/upload}: the zip as the raw body. */
    public Model upload(String name, byte[] zip) {
        HttpRequest request = authorized(baseUrl + "/artifact/model/upload?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&version=1.0.0", UPLOAD_TIMEOUT)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build();
        Answer answer = send(http, request);
        if (answer.status() != 201) {
            throw new WorkloadException("upload of " + name + " answered " + answer.status() + ": " + answer.text());
        }
        return model(answer.json());
    }

    /** {@code POST /artifact/dataset/upload}: the zip as the raw body. */
    public void uploadDataset(String name, byte[] zip) {
        HttpRequest request = authorized(baseUrl + "/artifact/dataset/upload?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&version=1.0.0", UPLOAD_TIMEOUT)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build();
        Answer answer = send(http, request);
        if (answer.status() != 201) {
            throw new WorkloadException("upload of dataset " + name + " answered " + answer.status() + ": "
                    + answer.text());
        }
    }

    /**
     * {@code POST /artifact/model} with a HuggingFace URL; when that source is registered already (409), the
     * registered model with that source URL is looked up instead.
     */
    public Ingested ingest(String sourceUrl) {
        HttpRequest request = authorized(baseUrl + "/artifact/model", INGEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("url", sourceUrl).toString()))
                .build();
        Answer answer = send(http, request);
        if (answer.status() == 201) {
            return new Ingested(model(answer.json()), false);
        }
        if (answer.status() == 409) {
            return new Ingested(registered(sourceUrl), true);
        }
        throw new WorkloadException("ingest of " + sourceUrl + " answered " + answer.status() + ": " + answer.text());
    }

    public record Ingested(Model model, boolean alreadyRegistered) {
    }

    private Model registered(String sourceUrl) {
        String name = sourceUrl.substring(sourceUrl.lastIndexOf('/') + 1);
        String query = JSON.createArrayNode().add(JSON.createObjectNode().put("name", name)
                .set("types", JSON.createArrayNode().add("model"))).toString();
        Answer found = send(http, authorized(baseUrl + "/artifacts", CALL_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build());
        if (found.status() != 200) {
            throw new WorkloadException("POST /artifacts answered " + found.status() + ": " + found.text());
        }
        for (JsonNode entry : found.json()) {
            Answer artifact = send(http, authorized(baseUrl + "/artifacts/model/"
                    + URLEncoder.encode(entry.path("id").asText(), StandardCharsets.UTF_8), CALL_TIMEOUT).GET().build());
            if (artifact.status() == 200 && sourceUrl.equals(artifact.json().at("/data/url").asText())) {
                return model(artifact.json());
            }
        }
        throw new WorkloadException(sourceUrl + " is registered (409) but no model named " + name + " has it as source");
    }

    private static Model model(JsonNode artifact) {
        String link = artifact.at("/data/download_url").asText("");
        if (link.isEmpty()) {
            throw new WorkloadException("the registry's answer has no data.download_url: " + artifact);
        }
        return new Model(artifact.at("/metadata/id").asText(), artifact.at("/metadata/name").asText(), link);
    }

    private HttpRequest.Builder authorized(String url, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("X-Authorization", authorization());
    }

    /**
     * The token for one request ({@code bearer ...}, as the registry issues it; its token filter takes it in
     * {@code X-Authorization} or {@code Authorization}), counted against its use budget.
     */
    public String authorization() {
        if (token == null || uses.incrementAndGet() > USES_PER_TOKEN) {
            synchronized (this) {
                if (token == null || uses.get() > USES_PER_TOKEN) {
                    token = tokens.freshToken();
                    uses.set(1);
                }
            }
        }
        return token;
    }

    record Answer(int status, byte[] body) {
        String text() {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 500 ? text.substring(0, 500) + "…" : text;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new WorkloadException("not JSON (" + status + "): " + text());
            }
        }
    }

    private static Answer send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new WorkloadException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkloadException("interrupted", e);
        }
    }
}
