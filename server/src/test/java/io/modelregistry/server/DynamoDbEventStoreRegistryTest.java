package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.claim.SourceClaims;
import io.modelregistry.server.axon.dynamodb.Dynalite;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry started with {@code registry.event-store=dynamodb} against dynalite (tables created at start): the
 * event log, tracking tokens, source claims, accounts and bearer tokens live in DynamoDB, the read models still on
 * the node.
 */
class DynamoDbEventStoreRegistryTest extends InProcessRegistryTest {

    @Autowired
    EventStorageEngine engine;

    @Autowired
    TokenStore tokens;

    @Autowired
    SourceClaims claims;

    @Autowired
    io.modelregistry.command.auth.UserAccountStore accounts;

    @Autowired
    io.modelregistry.command.auth.AuthTokenStore authTokens;

    private static String prefix;

    @DynamicPropertySource
    static void eventStoreOnDynalite(DynamicPropertyRegistry registry) {
        // dynalite checks only the shape of a signature; the SDK's default chain reads these system properties
        System.setProperty("aws.accessKeyId", "dynalite");
        System.setProperty("aws.secretAccessKey", "dynalite");
        prefix = Dynalite.freshPrefix("registry");
        registry.add("registry.event-store", () -> "dynamodb");
        registry.add("registry.dynamodb.endpoint", () -> Dynalite.shared().endpoint().toString());
        registry.add("registry.dynamodb.region", () -> "us-east-1");
        // the deployment names its tables by prefix; one table named on its own overrides its prefixed name
        registry.add("registry.dynamodb.table-prefix", () -> prefix);
        registry.add("registry.dynamodb.claims-table", () -> prefix + "claims-named-on-their-own");
        registry.add("registry.dynamodb.node-id", () -> "test-node");
        registry.add("registry.download.signing-key", () -> "c2hhcmVkLWJ5LWV2ZXJ5LW5vZGUtb2YtdGhlLXRlc3QtcmVnaXN0cnk=");
    }

    @Autowired
    software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo;

    @Test
    void theEventStoreAndClaimsAreTheDynamoDbAdaptersOnTablesNamedByPrefixAndTokensStayBesideTheEmbeddedReadModels() {
        assertThat(dynamo.listTablesPaginator().tableNames().stream().toList()).filteredOn(name -> name.startsWith(prefix))
                .containsExactlyInAnyOrder(prefix + "events", prefix + "event-log", prefix + "snapshots",
                        prefix + "event-payloads", prefix + "tokens", prefix + "claims-named-on-their-own",
                        prefix + "credentials");
        assertThat(engine.getClass().getPackageName()).isEqualTo("io.modelregistry.server.axon.dynamodb");
        assertThat(tokens).as("embedded read models store their rows and tokens in one H2 transaction")
                .isInstanceOf(org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore.class);
        assertThat(claims.getClass().getPackageName()).isEqualTo("io.modelregistry.server.axon.dynamodb");
        // accounts and bearer tokens are shared by every node too
        assertThat(accounts.getClass().getPackageName()).isEqualTo("io.modelregistry.server.auth.dynamodb");
        assertThat(authTokens.getClass().getPackageName()).isEqualTo("io.modelregistry.server.auth.dynamodb");
    }

    @Test
    void aModelIsRegisteredReadDownloadedAndAuditedWithItsEventsInDynamoDb() {
        RegistryClient client = freshRegistry(exchange -> { });
        HttpExchange created = client.post("/artifact/model", ingestBody("https://huggingface.co/google-bert/bert-base-uncased"));
        assertThat(created.status()).isEqualTo(201);
        String id = json(created).at("/metadata/id").asText();
        assertThat(client.post("/artifact/model", ingestBody("https://huggingface.co/google-bert/bert-base-uncased"))
                .status()).as("the duplicate-source claim is in DynamoDB").isEqualTo(409);

        HttpExchange read = client.get("/artifacts/model/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(json(read).at("/metadata/name").asText()).isEqualTo("bert-base-uncased");
        HttpExchange download = client.fetchAbsolute(json(read).at("/data/download_url").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().length).isGreaterThan(0);

        List<String> actions = new ArrayList<>();
        json(client.get("/artifact/model/" + id + "/audit")).forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("CREATE", "DOWNLOAD");
        assertThat(engine.readEvents(id).asStream()).as("the artifact's events are in the DynamoDB log").isNotEmpty();
        assertThat(engine.createHeadToken().position()).isPresent();
    }

    @Test
    void aGroupTransactionIsAppendedAllOrNothingOnDynamoDbWithEveryMemberMarked() {
        RegistryClient client = freshRegistry(exchange -> { });
        String bertUrl = "https://huggingface.co/google-bert/bert-base-uncased";
        String bert = json(client.post("/artifact/model", ingestBody(bertUrl))).at("/metadata/id").asText();
        String tx = json(client.post("/transactions", null)).path("id").asText();
        HttpExchange ingest = client.post("/transactions/" + tx + "/commands",
                "{\"command\":\"ingest\",\"type\":\"model\",\"url\":\"https://huggingface.co/openai/whisper-tiny\"}");
        assertThat(ingest.status()).as(ingest.text()).isEqualTo(201);
        String whisper = json(ingest).at("/commands/0/id").asText();
        assertThat(client.post("/transactions/" + tx + "/commands",
                "{\"command\":\"delete\",\"type\":\"model\",\"id\":\"" + bert + "\"}").status()).isEqualTo(201);
        assertThat(engine.readEvents(whisper).asStream()).as("nothing registered before the execution").isEmpty();

        HttpExchange executed = client.post("/transactions/" + tx + "/execute", null);
        assertThat(executed.status()).as(executed.text()).isEqualTo(200);
        assertThat(client.get("/artifacts/model/" + whisper).status()).isEqualTo(200);
        assertThat(client.get("/artifacts/model/" + bert).status()).isEqualTo(404);
        assertThat(engine.readEvents(whisper).asStream()).isNotEmpty()
                .allSatisfy(event -> assertThat(event.getMetaData().get("registryGroup")).isEqualTo(tx));

        // refused at execution (its artifact deleted meanwhile): the other command's registration is not appended
        String again = json(client.post("/transactions", null)).path("id").asText();
        HttpExchange reingest = client.post("/transactions/" + again + "/commands",
                "{\"command\":\"ingest\",\"type\":\"model\",\"url\":\"" + bertUrl + "\"}");
        assertThat(reingest.status()).as(reingest.text()).isEqualTo(201);
        String bertAgain = json(reingest).at("/commands/0/id").asText();
        assertThat(client.post("/transactions/" + again + "/commands",
                "{\"command\":\"delete\",\"type\":\"model\",\"id\":\"" + whisper + "\"}").status())
                .isEqualTo(201);
        assertThat(client.delete("/artifacts/model/" + whisper).status()).isEqualTo(200);
        HttpExchange refused = client.post("/transactions/" + again + "/execute", null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(404);
        assertThat(client.post("/transactions/" + again + "/execute", null).text()).isEqualTo(refused.text());
        assertThat(engine.readEvents(bertAgain).asStream()).isEmpty();
        assertThat(client.get("/artifacts/model/" + bertAgain).status()).isEqualTo(404);
        assertThat(client.post("/artifact/model", ingestBody(bertUrl)).status())
                .as("the refused execution left no claim on the source").isEqualTo(201);
    }
}
