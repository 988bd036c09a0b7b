package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.claim.SourceClaim;
import io.modelregistry.api.claim.SourceClaims;
import io.modelregistry.server.support.RegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One live artifact per source, over HTTP on the embedded adapters: concurrent registrations, a claim a crash
 * left behind, deletes, updates and resets.
 */
class DuplicateSourceClaimTest extends InProcessRegistryTest {

    private static final String BERT = "https://huggingface.co/google-bert/bert-base-uncased";
    private static final String WHISPER = "https://huggingface.co/openai/whisper-tiny";
    private static final String BERT_KEY = "model|HUGGINGFACE_MODEL|google-bert/bert-base-uncased";

    @Autowired
    SourceClaims store;

    private RegistryClient client;

    @BeforeEach
    void reset() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void ofConcurrentRegistrationsOfOneSourceExactlyOneIsCreatedAndTheOthersAreConflicts() throws Exception {
        int racers = 6;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            CyclicBarrier start = new CyclicBarrier(racers);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                statuses.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return client.post("/artifact/model", ingestBody(BERT)).status();
                }));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(120, TimeUnit.SECONDS));
            }
            assertThat(answers).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(json(client.get("/artifact/byName/bert-base-uncased"))).hasSize(1);
    }

    @Test
    void aClaimACrashLeftBetweenClaimAndAppendBlocksTheSourceOnlyWhileItMayStillBeInFlight() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(store.claimIfAbsent(new SourceClaim(BERT_KEY, "123456789012345678", ArtifactType.MODEL,
                "bert-base-uncased", now))).isTrue();
        assertThat(client.post("/artifact/model", ingestBody(BERT)).status()).isEqualTo(409);

        // the same claim, as if the process had died a while ago right after writing it
        SourceClaim pending = store.bySource(BERT_KEY).orElseThrow();
        SourceClaim abandoned = new SourceClaim(BERT_KEY, pending.artifactId(), pending.type(), pending.name(),
                now.minus(Duration.ofHours(1)));
        assertThat(store.replace(pending, abandoned)).isTrue();
        var created = client.post("/artifact/model", ingestBody(BERT));
        assertThat(created.status()).isEqualTo(201);
        assertThat(store.bySource(BERT_KEY)).map(SourceClaim::artifactId)
                .hasValue(json(created).at("/metadata/id").asText());
        assertThat(client.get("/artifacts/model/123456789012345678").status()).isEqualTo(404);
    }

    @Test
    void deletingOrResettingFreesTheSourceAndAnUpdateMovesTheClaimToItsNewSource() {
        String bert = json(client.post("/artifact/model", ingestBody(BERT))).at("/metadata/id").asText();
        assertThat(client.delete("/artifacts/model/" + bert).status()).isEqualTo(200);
        String again = json(client.post("/artifact/model", ingestBody(BERT))).at("/metadata/id").asText();
        assertThat(again).isNotEqualTo(bert);

        String whisper = json(client.post("/artifact/model", ingestBody(WHISPER))).at("/metadata/id").asText();
        String toBert = "{\"metadata\":{\"name\":\"whisper-tiny\",\"id\":\"" + whisper + "\",\"type\":\"model\"},"
                + "\"data\":{\"url\":\"" + BERT + "\"}}";
        assertThat(client.put("/artifacts/model/" + whisper, toBert).status()).isEqualTo(409);
        assertThat(client.delete("/artifacts/model/" + again).status()).isEqualTo(200);
        assertThat(client.put("/artifacts/model/" + whisper, toBert).status()).isEqualTo(200);
        // whisper now holds bert's source and has given up its own
        assertThat(client.post("/artifact/model", ingestBody(BERT)).status()).isEqualTo(409);
        assertThat(client.post("/artifact/model", ingestBody(WHISPER)).status()).isEqualTo(201);

        assertThat(client.delete("/reset").status()).isEqualTo(200);
        assertThat(client.post("/artifact/model", ingestBody(BERT)).status()).isEqualTo(201);
        assertThat(client.post("/artifact/model", ingestBody(WHISPER)).status()).isEqualTo(201);
    }
}
