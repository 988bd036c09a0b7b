package io.modelregistry.server;

import static io.modelregistry.server.PackageDownloadTest.entries;
import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model's datasets and code are matched to the artifacts this registry holds before the hub is asked: by
 * source repo id, by name (without case and separators) and by the card's prose mentions; each rating records
 * where every link came from; and a dataset registered after a model that names it rates the model again and
 * joins its lineage and its datasets download.
 */
class LinksResolvedAgainstTheRegistryTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void codeRegisteredJustBeforeAModelIsMatchedByItsSourceRepoId() throws Exception {
        String code = id(ingest("code", "https://github.com/mv-lab/swin2sr"));
        String flickr = uploadDataset("flickr2k", "# Flickr2K\n\n2,650 2K images from Flickr.\n");
        String model = id(ingest("model", "https://huggingface.co/caidas/swin2SR-lightweight-x2-64"));

        JsonNode links = latestRating(model).path("links");
        assertThat(link(links, "code", "mv-lab/swin2sr")).as(links.toString()).isNotNull();
        assertThat(link(links, "code", "mv-lab/swin2sr").path("artifact_id").asText()).isEqualTo(code);
        assertThat(link(links, "code", "mv-lab/swin2sr").path("via").asText()).isEqualTo("registry_source_id");
        // the card names no dataset: registering one just before the model does not make it the model's
        assertThat(links.toString()).doesNotContain(flickr);
    }

    @Test
    void aDatasetRegisteredBeforeAModelIsUsedFromTheRegistryAndShownInItsLineage() throws Exception {
        String imagenet = uploadDataset("imagenet-1k", "---\nlicense: other\nsize_categories:\n- 1M<n<10M\n---\n"
                + "# ImageNet-1k\n\n## Dataset Summary\n\n1,281,167 training images in 1,000 classes.\n");
        String model = id(ingest("model", "https://huggingface.co/microsoft/resnet-50"));

        JsonNode latest = latestRating(model);
        JsonNode link = link(latest.path("links"), "dataset", "imagenet-1k");
        assertThat(link).as(latest.path("links").toString()).isNotNull();
        assertThat(link.path("artifact_id").asText()).isEqualTo(imagenet);
        assertThat(link.path("via").asText()).isEqualTo("registry_name");
        assertThat(lineageNodes(model)).contains(imagenet);
    }

    @Test
    void theRealResnetAndTrainedGenderFindWhatTheirCardsNameWrittenWithOtherSeparatorsAndNoFairFaceNeverNamed()
            throws Exception {
        // "ImageNet_1k" (registered) and "imagenet-1k" (resnet-50's front matter) have one compact form
        String imagenet = uploadDataset("ImageNet_1k", "# ImageNet-1k\n\nImages in 1,000 classes.\n");
        String fairFace = uploadDataset("FairFace", "# FairFace\n\nFace images balanced by race, gender and age.\n");
        String resnet = id(ingest("model", "https://huggingface.co/microsoft/resnet-50"));

        JsonNode link = link(latestRating(resnet).path("links"), "dataset", "imagenet-1k");
        assertThat(link).as(latestRating(resnet).path("links").toString()).isNotNull();
        assertThat(link.path("artifact_id").asText()).isEqualTo(imagenet);
        assertThat(link.path("via").asText()).isEqualTo("registry_name");
        assertThat(lineageNodes(resnet)).contains(imagenet);

        // trained-gender's fixture card says "an image folder dataset of face crops": nothing names FairFace, so
        // linking the FairFace registered before it would be a guess from the order of registration
        String model = id(ingest("model", "https://huggingface.co/crangana/trained-gender"));
        JsonNode latest = latestRating(model);
        assertThat(latest.path("trigger").asText()).isEqualTo("INGEST");
        assertThat(latest.path("links").toString()).as("no link to FairFace").doesNotContain(fairFace);
        assertThat(lineageNodes(model)).contains(resnet).doesNotContain(fairFace);
    }

    @Test
    void anUploadedModelsProseMentionsAreMatchedWithoutSeparatorsAndToTheOneVariantOfAFamily() throws Exception {
        String fairFace = uploadDataset("FairFace", "# FairFace\n\nFace images balanced by race, gender and age.\n");
        String imagenet = uploadDataset("imagenet-1k", "# ImageNet-1k\n\nImages in 1,000 classes.\n");
        String model = ModelUploads.model(client, "face-classifier", "---\nlicense: apache-2.0\n---\n"
                + "# face-classifier\n\nA ResNet pre-trained on ImageNet, then fine-tuned on the `fair_face` "
                + "dataset.\n").id();

        JsonNode family = link(latestRating(model).path("links"), "dataset", "ImageNet");
        assertThat(family).as(latestRating(model).path("links").toString()).isNotNull();
        assertThat(family.path("artifact_id").asText()).isEqualTo(imagenet);
        assertThat(family.path("via").asText()).isEqualTo("card_mention");

        JsonNode link = link(latestRating(model).path("links"), "dataset", "fair_face");
        assertThat(link).as(latestRating(model).toString()).isNotNull();
        assertThat(link.path("artifact_id").asText()).isEqualTo(fairFace);
        assertThat(link.path("via").asText()).isEqualTo("card_mention");
        assertThat(lineageNodes(model)).contains(fairFace);
    }

    @Test
    void aDatasetRegisteredAfterItsModelRatesTheModelAgainAndJoinsItsLineageAndDownload() throws Exception {
        JsonNode created = ingest("model", "https://huggingface.co/microsoft/resnet-50");
        String model = id(created);
        JsonNode before = latestRating(model);
        assertThat(link(before.path("links"), "dataset", "imagenet-1k").path("via").asText()).isEqualTo("hub");
        assertThat(lineageNodes(model)).hasSize(1);

        String imagenet = uploadDataset("imagenet-1k", "# ImageNet-1k\n\nImages in 1,000 classes.\n");

        JsonNode rerated = awaitRating(model, "LINKED_ARTIFACT");
        assertThat(rerated.path("triggered_by").asText()).contains("dataset").contains(imagenet).contains("imagenet-1k");
        assertThat(rerated.path("rated_by").asText()).isEqualTo(before.path("rated_by").asText());
        JsonNode link = link(rerated.path("links"), "dataset", "imagenet-1k");
        assertThat(link.path("artifact_id").asText()).isEqualTo(imagenet);
        assertThat(rerated.at("/rating/dataset_and_code_score").asDouble())
                .isGreaterThan(before.at("/rating/dataset_and_code_score").asDouble());
        assertThat(lineageNodes(model)).contains(imagenet);

        String download = created.at("/data/download_url").asText();
        HttpResponse<byte[]> datasets = HTTP.send(HttpRequest.newBuilder(URI.create(download + "&aspect=datasets"))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(entries(datasets.body()).keySet()).anyMatch(path -> path.startsWith("datasets/imagenet-1k/"));
    }

    private JsonNode ingest(String type, String url) {
        HttpExchange created = client.post("/artifact/" + type, ingestBody(url));
        assertThat(created.status()).as(url + ": " + created.text()).isEqualTo(201);
        return json(created);
    }

    private static String id(JsonNode created) {
        return created.at("/metadata/id").asText();
    }

    private String uploadDataset(String name, String readme) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact/dataset/upload?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "&version=1.0.0")).timeout(Duration.ofSeconds(60))
                .header("X-Authorization", client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestZips.zip(TestZips.files("README.md", readme,
                        "data/train.csv", "image,label\na.png,1\n")))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return JSON.readTree(response.body()).at("/metadata/id").asText();
    }

    private JsonNode latestRating(String model) {
        JsonNode history = json(client.get("/artifact/model/" + model + "/rate/history"));
        assertThat(history.size()).isGreaterThan(0);
        return history.get(history.size() - 1);
    }

    /** The latest rating with {@code trigger}, waited for (the re-rating runs after the registration answered). */
    private JsonNode awaitRating(String model, String trigger) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            JsonNode latest = latestRating(model);
            if (trigger.equals(latest.path("trigger").asText())) {
                return latest;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + trigger + " rating of " + model + ": " + latestRating(model));
    }

    private static JsonNode link(JsonNode links, String kind, String target) {
        for (JsonNode link : links) {
            if (kind.equals(link.path("kind").asText()) && target.equals(link.path("target").asText())) {
                return link;
            }
        }
        return null;
    }

    private List<String> lineageNodes(String model) {
        JsonNode graph = json(client.get("/artifact/model/" + model + "/lineage", "include_data=true"));
        List<String> nodes = new ArrayList<>();
        graph.path("nodes").forEach(node -> nodes.add(node.path("artifact_id").asText()));
        return nodes;
    }
}
