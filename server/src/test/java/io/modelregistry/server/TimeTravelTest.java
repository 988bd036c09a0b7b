package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.projection.timetravel.ReplaySearch;
import io.modelregistry.projection.timetravel.ReplayStore;
import io.modelregistry.projection.timetravel.TimeTravel;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reads "as of" a past instant ({@code ?as_of=}): answered from the event log replayed up to that instant into a
 * temporary read model, so an artifact deleted since is still there then and one registered since is not yet; bad
 * instants are 400 with a JSON message; a replay is bounded.
 */
class TimeTravelTest extends InProcessRegistryTest {

    private static final String BERT = "https://huggingface.co/google-bert/bert-base-uncased";
    private static final String LATER = "https://huggingface.co/distilbert/distilbert-base-uncased-finetuned-sst-2-english";

    @Autowired
    EventStorageEngine events;
    @Autowired
    EventStore store;
    @Autowired
    ReplayStore.Factory replayStores;
    @Autowired
    ReplaySearch.Factory replaySearches;
    @Autowired
    ArtifactDocumentStore documents;

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void aModelDeletedAfterAMomentIsPresentAsOfItAndAbsentNowAndOneRegisteredAfterItIsAbsentAsOfIt() throws Exception {
        String bert = ingest(BERT);
        Instant moment = Instant.now();
        Thread.sleep(20); // the events after the moment must be stamped after it, not in the same clock tick
        String later = ingest(LATER);
        assertThat(client.delete("/artifacts/model/" + bert).status()).isEqualTo(200);
        String asOf = "as_of=" + moment;

        assertThat(client.get("/artifacts/model/" + bert).status()).as("deleted now").isEqualTo(404);
        HttpExchange then = client.get("/artifacts/model/" + bert, asOf);
        assertThat(then.status()).as("present as of the moment: " + then.text()).isEqualTo(200);
        assertThat(json(then).at("/metadata/id").asText()).isEqualTo(bert);
        assertThat(json(then).at("/metadata/name").asText()).isEqualTo("bert-base-uncased");

        assertThat(client.get("/artifacts/model/" + later).status()).isEqualTo(200);
        assertThat(client.get("/artifacts/model/" + later, asOf).status()).as("not registered yet then")
                .isEqualTo(404);

        HttpExchange audit = client.get("/artifact/model/" + bert + "/audit", asOf);
        assertThat(audit.status()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        json(audit).forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions).contains("CREATE").doesNotContain("DELETE");
        assertThat(client.get("/artifact/model/" + bert + "/audit").status()).isEqualTo(404);

        HttpExchange rating = client.get("/artifact/model/" + bert + "/rate", asOf);
        assertThat(rating.status()).isEqualTo(200);
        assertThat(json(rating).path("net_score").isNumber()).isTrue();
        assertThat(client.get("/artifact/model/" + bert + "/rate").status()).isEqualTo(404);
        assertThat(client.get("/artifact/model/" + later + "/rate", asOf).status()).isEqualTo(404);

        assertThat(ids(client.post("/artifacts", asOf, "[{\"name\": \"*\"}]"))).as("the listing then")
                .contains(bert).doesNotContain(later);
        assertThat(ids(client.post("/artifacts", null, "[{\"name\": \"*\"}]"))).as("the listing now")
                .contains(later).doesNotContain(bert);
        assertThat(ids(client.post("/artifact/byRegEx", asOf, "{\"regex\": \"bert\"}"))).contains(bert)
                .doesNotContain(later);
        assertThat(ids(client.post("/artifact/byRegEx", null, "{\"regex\": \"bert\"}"))).contains(later)
                .doesNotContain(bert);

        HttpExchange lineage = client.get("/artifact/model/" + bert + "/lineage", asOf);
        assertThat(lineage.status()).isEqualTo(200);
        List<String> nodes = new ArrayList<>();
        json(lineage).path("nodes").forEach(n -> nodes.add(n.path("artifact_id").asText()));
        assertThat(nodes).contains(bert);
        assertThat(client.get("/artifact/model/" + bert + "/lineage").status()).isEqualTo(404);
    }

    @Test
    void anAsOfThatIsNoInstantOrInTheFutureOrBeforeTheFirstEventIs400WithAJsonMessage() {
        String bert = ingest(BERT);
        assertBadRequest(client.post("/artifacts", "as_of=yesterday", "[{\"name\": \"*\"}]"), "ISO-8601");
        assertBadRequest(client.post("/artifact/byRegEx", "as_of=2000-01-01T00:00:00Z", "{\"regex\": \"b\"}"),
                "first event");
        for (String path : List.of("/artifacts/model/" + bert, "/artifact/model/" + bert + "/audit",
                "/artifact/model/" + bert + "/rate", "/artifact/model/" + bert + "/lineage")) {
            assertBadRequest(client.get(path, "as_of=yesterday"), "ISO-8601");
            assertBadRequest(client.get(path, "as_of=2026-13-01T00:00:00Z"), "ISO-8601");
            assertBadRequest(client.get(path, "as_of=" + Instant.now().plus(Duration.ofDays(1))), "future");
            assertBadRequest(client.get(path, "as_of=2000-01-01T00:00:00Z"), "first event");
        }
    }

    @Test
    void aReplayOfMoreEventsThanItsBoundIsRefusedWithAClearMessage() {
        ingest(BERT);
        TimeTravel bounded = new TimeTravel(events, store, replayStores, replaySearches, documents,
                Clock.systemUTC(), 3, Duration.ofSeconds(10));
        assertThatThrownBy(() -> bounded.at(Instant.now())).isInstanceOf(RegistryException.class)
                .hasMessageContaining("more than 3 events")
                .extracting(e -> ((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.PAYLOAD_TOO_LARGE);
        TimeTravel generous = new TimeTravel(events, store, replayStores, replaySearches, documents,
                Clock.systemUTC(), 100_000, Duration.ofSeconds(10));
        assertThat(generous.at(Instant.now()).eventsReplayed()).as("the same log within a larger bound")
                .isGreaterThan(3);
    }

    @Test
    void aReplayThatRunsPastItsTimeBoundIsCutOffAsUnavailableAndTheSameReplayWithinItAnswers() {
        ingest(BERT);
        TimeTravel hurried = new TimeTravel(events, store, replayStores, replaySearches, documents,
                Clock.systemUTC(), 100_000, Duration.ofNanos(1));
        // the bound is checked at each event: opening the log alone takes longer than a nanosecond
        assertThatThrownBy(() -> hurried.at(Instant.now())).isInstanceOf(RegistryException.class)
                .hasMessageContaining("took longer than 1 ns")
                .extracting(e -> ((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE);
        TimeTravel patient = new TimeTravel(events, store, replayStores, replaySearches, documents,
                Clock.systemUTC(), 100_000, Duration.ofSeconds(10));
        assertThat(patient.at(Instant.now()).eventsReplayed()).as("the same log within a longer bound")
                .isGreaterThan(1);
    }

    private static List<String> ids(HttpExchange exchange) {
        assertThat(exchange.status()).as(exchange.path() + " " + exchange.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(exchange).forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    private static void assertBadRequest(HttpExchange exchange, String says) {
        assertThat(exchange.status()).as(exchange.path() + "?" + exchange.query() + ": " + exchange.text())
                .isEqualTo(400);
        JsonNode body = json(exchange);
        assertThat(body.path("message").asText()).as(exchange.query()).contains("as_of").contains(says);
    }

    private String ingest(String url) {
        var created = client.post("/artifact/model", ingestBody(url));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return json(created).at("/metadata/id").asText();
    }
}
