package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.RegisterArtifact;
import io.modelregistry.api.auth.UserRegistered;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.ModelRated;
import io.modelregistry.api.rating.RegisterRatedModel;
import io.modelregistry.server.support.RegistryClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What today's registry writes into its log, read from the stored rows themselves: no password hash, no document
 * text (documents are blobs named by digest), a model's registration and its rating from one command (or nothing
 * at all), and a download recorded by a command.
 */
class EventLogContentsTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor ADMIN = new Actor(RegistryClient.ADMIN, true);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BlobStore blobs;
    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway commands;

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void noPasswordHashReachesTheLogAndTheDefaultAdminStillLogsInAfterAReset() {
        // freshRegistry logged in and reset: the reset restored the default admin with a new UserRegistered
        List<String> users = payloads(UserRegistered.class.getName());
        assertThat(users).isNotEmpty().allSatisfy(p -> assertThat(JSON.readTree(p).has("passwordHash")).isFalse());
        assertThat(payloads("%")).noneMatch(p -> p.contains("$argon2"));
        assertThat(client.login(RegistryClient.ADMIN, "wrong").status()).isEqualTo(401);
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        assertThat(client.delete("/reset").status()).isEqualTo(200);
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
    }

    @Test
    void anArtifactsDocumentsAreBlobsThatItsEventNamesByDigest() throws Exception {
        String bert = json(client.post("/artifact/model",
                ingestBody("https://huggingface.co/google-bert/bert-base-uncased"))).at("/metadata/id").asText();
        String payload = row(bert, 0).payload();
        assertThat(payload).doesNotContain("BERT base model (uncased)").doesNotContain("inlineText");
        assertThat(payload.length()).as("the old event carried ~20 KB of documents").isLessThan(4_000);
        JsonNode readme = JSON.readTree(payload).at("/content/documents/readme");
        try (InputStream in = blobs.open(readme.get("digest").asText()).orElseThrow()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("---").contains("BERT base model (uncased)");
            assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(readme.get("bytes").asInt());
        }
        // the search projection read the README by its digest
        List<String> hits = new ArrayList<>();
        json(client.post("/artifact/byRegEx", "{\"regex\":\".*BookCorpus.*\"}")).forEach(r -> hits.add(r.get("name").asText()));
        assertThat(hits).contains("bert-base-uncased");
    }

    @Test
    void aModelsRegistrationAndItsRatingAreAppendedByOneCommand() throws Exception {
        String bert = json(client.post("/artifact/model",
                ingestBody("https://huggingface.co/google-bert/bert-base-uncased"))).at("/metadata/id").asText();
        List<Row> rows = jdbc.query("SELECT payloadType, payloadRevision, payload, metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", (rs, n) -> new Row(rs.getString(1),
                rs.getString(2), text(rs.getBytes(3)), text(rs.getBytes(4))), bert);
        assertThat(rows).extracting(r -> r.type().substring(r.type().lastIndexOf('.') + 1))
                .containsExactly("ArtifactRegistered", "ArtifactRelationshipsDeclared", "ModelRated");
        assertThat(rows.get(0).revision()).isEqualTo("2");
        assertThat(rows).extracting(r -> JSON.readTree(r.metaData()).get("traceId").asText())
                .as("one command message caused all three").containsOnly(
                        JSON.readTree(rows.get(0).metaData()).get("traceId").asText());
    }

    @Test
    void aRegistrationWhoseRatingIsRefusedLeavesNoEventAndNoClaimBehind() {
        String bert = json(client.post("/artifact/model",
                ingestBody("https://huggingface.co/google-bert/bert-base-uncased"))).at("/metadata/id").asText();
        var payloads = eventStore.readEvents(bert).asStream().map(m -> m.getPayload()).toList();
        var content = ((ArtifactRegistered) payloads.get(0)).content();
        var rating = ((ModelRated) payloads.get(2)).outcome();
        // Through the real command bus and database transaction: the claim is inserted and the registration
        // applied before the aggregate refuses the rating; all of it must roll back.
        String id = "900000000000000001";
        assertThatThrownBy(() -> commands.sendAndWait(new RegisterRatedModel(
                new RegisterArtifact(id, ArtifactType.DATASET, "not-a-model", content, ADMIN), rating)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("Only models are rated");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM source_claim WHERE artifact_id = ?", Integer.class, id))
                .isZero();
        assertThat(client.get("/artifacts/dataset/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDownloadIsRecordedByACommandNotPublishedByTheReadSide() throws Exception {
        String bert = json(client.post("/artifact/model",
                ingestBody("https://huggingface.co/google-bert/bert-base-uncased"))).at("/metadata/id").asText();
        String link = json(client.get("/artifacts/model/" + bert)).at("/data/download_url").asText();
        assertThat(client.fetchAbsolute(link).status()).isEqualTo(200);
        List<String> metaData = jdbc.query("SELECT metaData FROM DomainEventEntry WHERE payloadType = ?",
                (rs, n) -> text(rs.getBytes(1)), ArtifactDownloaded.class.getName());
        // A plain publish outside a command carries no correlation; one applied by a command handler does.
        assertThat(metaData).isNotEmpty().last().satisfies(m -> assertThat(JSON.readTree(m).has("correlationId")).isTrue());
        List<String> actions = new ArrayList<>();
        json(client.get("/artifact/model/" + bert + "/audit")).forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("CREATE", "DOWNLOAD");
    }

    private List<String> payloads(String payloadType) {
        return jdbc.query("SELECT payload FROM DomainEventEntry WHERE payloadType LIKE ?", (rs, n) -> text(rs.getBytes(1)),
                payloadType);
    }

    private Row row(String aggregate, long sequence) {
        return jdbc.queryForObject("SELECT payloadType, payloadRevision, payload, metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = ?", (rs, n) -> new Row(rs.getString(1),
                rs.getString(2), text(rs.getBytes(3)), text(rs.getBytes(4))), aggregate, sequence);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private record Row(String type, String revision, String payload, String metaData) {
    }
}
