package io.modelregistry.server.evolution;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.DocumentRef;
import io.modelregistry.api.artifact.UpdateArtifact;
import io.modelregistry.api.auth.UserRegistered;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.RecordRating;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.RegistryServer;
import io.modelregistry.server.axon.EventTables;
import io.modelregistry.server.support.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A log written by the registry before events had revisions (documents inline, password hashes in
 * {@code UserRegistered}), frozen in {@code event-logs/log-before-revisions.json}, is loaded as the only data of a
 * registry built from today's code: every read of it goes through the upcasters, into the artifact aggregates and
 * every read model, and reads as the old registry answered. No blob of the old registry exists here, as after a
 * restore of the log alone: nothing must require one that was never written.
 */
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OldEventLogReplayTest {

    static final String FIXTURE = "/event-logs/log-before-revisions.json";
    static final FakeHub HUB = FakeHub.start();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Actor ADMIN = new Actor(RegistryClient.ADMIN, true);

    @LocalServerPort
    int port;
    @Autowired
    ReadModelBarrier readModels;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    private RegistryClient client;

    @DynamicPropertySource
    static void registryOnTheOldLog(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("registry-old-log");
        restoreLog(dataDir);
        registry.add("HF_ENDPOINT", HUB::hfEndpoint);
        registry.add("GITHUB_API_URL", HUB::githubApiUrl);
        registry.add("GITHUB_SERVER_URL", HUB::baseUrl);
        registry.add("registry.data-dir", dataDir::toString);
        registry.add("REGISTRY_INGEST_GATE", () -> "advisory");
    }

    @BeforeEach
    void caughtUpAndLoggedIn() {
        readModels.awaitCaughtUp();
        client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        // The old log's hashes are gone; the default admin is restored into the credential store at start.
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
    }

    @Test
    void theOldLogReadsIntoEveryReadModelAsTheOldRegistryAnsweredIt() throws IOException {
        String bert = idOf("bert-base-uncased");
        HttpRows listed = new HttpRows(json(client.post("/artifacts", "[{\"name\":\"*\"}]")));
        // the whisper registered before the reset is gone, and so is the one deleted at the end
        assertThat(listed.names()).containsExactlyInAnyOrder("bert-base-uncased", "bookcorpus", "google-research-bert");

        JsonNode got = json(client.get("/artifacts/model/" + bert));
        assertThat(got.at("/metadata/name").asText()).isEqualTo("bert-base-uncased");
        assertThat(got.at("/data/url").asText()).isEqualTo("https://huggingface.co/google-bert/bert-base-uncased");
        assertThat(client.get("/artifacts/model/" + idOf("my-whisper")).status()).isEqualTo(404);

        // The README of an old event is inline in its upcast reference: the regex search indexed it.
        HttpRows readmeHits = new HttpRows(json(client.post("/artifact/byRegEx", "{\"regex\":\".*BookCorpus.*\"}")));
        assertThat(readmeHits.names()).contains("bert-base-uncased");

        JsonNode rating = json(client.get("/artifact/model/" + bert + "/rate"));
        assertThat(rating.at("/name").asText()).isEqualTo("bert-base-uncased");
        assertThat(rating.at("/size_score/aws_server").asDouble()).isEqualTo(1.0);
        // a rating stored before evidence was recorded says so, and keeps its old reason
        JsonNode reasons = json(client.get("/artifact/model/" + bert + "/rate/reasons"));
        assertThat(reasons.at("/metrics/4/metric").asText()).isEqualTo("license");
        assertThat(reasons.at("/metrics/4/evidence").asText()).isEqualTo("unrecorded");
        assertThat(reasons.at("/metrics/4/reason").asText()).isNotBlank().doesNotStartWith("measured:");

        List<String> actions = new ArrayList<>();
        json(client.get("/artifact/model/" + bert + "/audit")).forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("CREATE", "UPDATE", "DOWNLOAD");
        assertThat(client.get("/artifact/model/" + bert + "/lineage").status()).isEqualTo(200);
    }

    @Test
    void theArtifactAggregatesAreRebuiltFromTheUpcastEvents() throws IOException {
        String bert = idOf("bert-base-uncased");
        var content = ((ArtifactRegistered) eventStore.readEvents(bert).next().getPayload()).content();
        assertThatThrownBy(() -> commands.sendAndWait(
                new UpdateArtifact(bert, ArtifactType.MODEL, "not-bert", content, ADMIN)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("is named 'bert-base-uncased'");
        assertThatThrownBy(() -> commands.sendAndWait(new RecordRating(idOf("my-whisper"), null, ADMIN)))
                .isInstanceOf(AggregateDeletedException.class);
    }

    @Test
    void anOldEventsDocumentsAreInlineUnderTheDigestTheyWouldHaveAsBlobs() throws Exception {
        var events = eventStore.readEvents(idOf("bert-base-uncased")).asStream().map(m -> m.getPayload()).toList();
        assertThat(events).hasAtLeastOneElementOfType(ArtifactUpdated.class);
        var registered = (ArtifactRegistered) events.get(0);
        DocumentRef readme = registered.content().documents().readme();
        assertThat(readme.inlineText()).contains("BERT base model (uncased)");
        byte[] bytes = readme.inlineText().getBytes(StandardCharsets.UTF_8);
        assertThat(readme.bytes()).isEqualTo(bytes.length);
        assertThat(readme.digest())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(registered.content().documents().configJson().inlineText()).contains("\"model_type\"");
    }

    @Test
    void noPasswordHashOfTheOldLogIsLeftInTheStoredRows() throws IOException {
        String fixture = fixtureText();
        assertThat(fixture).as("the old log did hold hashes").contains("passwordHash").contains("$argon2");
        List<String> payloads = jdbc.query("SELECT payload FROM DomainEventEntry",
                (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8));
        assertThat(payloads).hasSizeGreaterThan(20).noneMatch(p -> p.contains("passwordHash") || p.contains("$argon2"));
        assertThat(jdbc.queryForList("SELECT payloadRevision FROM DomainEventEntry WHERE payloadType = ?", String.class,
                UserRegistered.class.getName())).isNotEmpty().containsOnly("2");
    }

    private static String idOf(String name) throws IOException {
        for (JsonNode row : JSON.readTree(fixtureText())) {
            if (row.get("payloadType").asText().equals(ArtifactRegistered.class.getName())) {
                JsonNode payload = JSON.readTree(row.get("payload").asText());
                if (payload.get("name").asText().equals(name)) {
                    return payload.get("artifactId").asText();
                }
            }
        }
        throw new IllegalStateException("no " + name + " in the fixture");
    }

    private static String fixtureText() throws IOException {
        try (InputStream in = OldEventLogReplayTest.class.getResourceAsStream(FIXTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the fixture's rows, verbatim, into the event table of a new database under the data dir. */
    private static void restoreLog(Path dataDir) throws IOException, SQLException {
        EventSchema schema = EventSchema.builder().build();
        long last = 0;
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE", "registry", "")) {
            EventTables.createDomainEventTable(connection, schema);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                    + " (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType,"
                    + " payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (JsonNode row : JSON.readTree(fixtureText())) {
                    insert.setLong(1, row.get("globalIndex").asLong());
                    insert.setString(2, row.get("eventIdentifier").asText());
                    insert.setString(3, row.get("aggregateIdentifier").asText());
                    insert.setLong(4, row.get("sequenceNumber").asLong());
                    insert.setString(5, row.get("type").isNull() ? null : row.get("type").asText());
                    insert.setString(6, row.get("timeStamp").asText());
                    insert.setString(7, row.get("payloadType").asText());
                    insert.setString(8, row.get("payloadRevision").isNull() ? null : row.get("payloadRevision").asText());
                    insert.setBytes(9, row.get("payload").asText().getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(10, row.get("metaData").asText().getBytes(StandardCharsets.UTF_8));
                    insert.executeUpdate();
                    last = Math.max(last, row.get("globalIndex").asLong());
                }
            }
            connection.createStatement().execute("ALTER TABLE " + schema.domainEventTable() + " ALTER COLUMN "
                    + schema.globalIndexColumn() + " RESTART WITH " + (last + 1));
        }
    }

    private record HttpRows(JsonNode rows) {
        List<String> names() {
            List<String> names = new ArrayList<>();
            rows.forEach(r -> names.add(r.get("name").asText()));
            return names;
        }
    }
}
