package io.modelregistry.server.evolution;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.RegistryServer;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryTestEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: the tool that wrote a frozen event-log fixture ({@code src/test/resources/event-logs/}). It drives a
 * registry through a short life (ingest each kind, update, download, re-rate, delete, reset) and dumps Axon's
 * {@code DomainEventEntry} rows verbatim. Its name keeps it out of the suite; run it only on request, at the commit
 * whose log format is to be frozen: {@code -Dtest=EventLogFixtureWriter -Dregistry.fixture.out=/abs/path.json}. A fixture, once committed, is never
 * rewritten: its point is to be what an older registry wrote.
 */
@EnabledIfSystemProperty(named = "registry.fixture.out", matches = ".+")
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventLogFixtureWriter {

    static final FakeHub HUB = FakeHub.start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void advisoryRegistryOnFakeHub(DynamicPropertyRegistry registry) {
        RegistryTestEnvironment.register(registry, HUB, "advisory");
    }

    @Test
    void writeTheLogOfAShortLife() throws Exception {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        assertThat(client.post("/artifact/model", ingestBody("https://huggingface.co/openai/whisper-tiny")).status())
                .isEqualTo(201);
        assertThat(client.delete("/reset").status()).isEqualTo(200);

        String bert = json(client.post("/artifact/model",
                ingestBody("https://huggingface.co/google-bert/bert-base-uncased"))).at("/metadata/id").asText();
        assertThat(client.post("/artifact/dataset", ingestBody("https://huggingface.co/datasets/bookcorpus/bookcorpus"))
                .status()).isEqualTo(201);
        assertThat(client.post("/artifact/code", ingestBody("https://github.com/google-research/bert")).status())
                .isEqualTo(201);
        String whisper = json(client.post("/artifact/model",
                ingestBody("https://huggingface.co/openai/whisper-tiny", "my-whisper"))).at("/metadata/id").asText();
        String update = "{\"metadata\":{\"name\":\"bert-base-uncased\",\"id\":\"" + bert + "\",\"type\":\"model\"},"
                + "\"data\":{\"url\":\"https://huggingface.co/google-bert/bert-base-uncased\"}}";
        assertThat(client.put("/artifacts/model/" + bert, update).status()).isEqualTo(200);
        var got = client.get("/artifacts/model/" + bert);
        assertThat(client.fetchAbsolute(json(got).at("/data/download_url").asText()).status()).isEqualTo(200);
        assertThat(client.post("/artifact/model/" + whisper + "/rate", "").status()).isEqualTo(200);
        assertThat(client.delete("/artifacts/model/" + whisper).status()).isEqualTo(200);
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode rows = mapper.createArrayNode();
        jdbc.query("SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
                + "payloadRevision, payload, metaData FROM DomainEventEntry ORDER BY globalIndex",
                rs -> {
                    ObjectNode row = rows.addObject();
                    row.put("globalIndex", rs.getLong("globalIndex"));
                    row.put("eventIdentifier", rs.getString("eventIdentifier"));
                    row.put("aggregateIdentifier", rs.getString("aggregateIdentifier"));
                    row.put("sequenceNumber", rs.getLong("sequenceNumber"));
                    row.put("type", rs.getString("type"));
                    row.put("timeStamp", rs.getString("timeStamp"));
                    row.put("payloadType", rs.getString("payloadType"));
                    row.put("payloadRevision", rs.getString("payloadRevision"));
                    row.put("payload", new String(rs.getBytes("payload"), StandardCharsets.UTF_8));
                    row.put("metaData", new String(rs.getBytes("metaData"), StandardCharsets.UTF_8));
                });
        Files.writeString(Path.of(System.getProperty("registry.fixture.out")), mapper.writeValueAsString(rows));
    }
}
