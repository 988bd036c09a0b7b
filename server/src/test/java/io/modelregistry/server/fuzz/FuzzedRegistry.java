package io.modelregistry.server.fuzz;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.RegistryServer;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RawHttp;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryTestEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry the fuzzer attacks: started once per test JVM in this process (jqwik has no Spring extension), on a
 * random port, a fresh data dir and the fake hub, configured exactly as the in-process tests' registry. Two models
 * are uploaded so path parameters can name artifacts that exist.
 */
final class FuzzedRegistry {

    private static FuzzedRegistry instance;

    final RegistryClient client;
    final RawHttp raw;
    /** The seeds, re-uploaded when a fuzzed (valid) delete removed one; requests name them by placeholder. */
    final List<ModelUploads.Uploaded> models;
    private final JdbcTemplate jdbc;
    private int requests;

    private FuzzedRegistry(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        if (client.loginAsAdmin().status() != 200) {
            throw new IllegalStateException("the admin cannot log in");
        }
        this.raw = new RawHttp(port, 20_000);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.models = new java.util.ArrayList<>(List.of(seed(0), seed(1)));
    }

    private int reseeded;

    private ModelUploads.Uploaded seed(int index) throws Exception {
        // a seed uploaded again gets a new name: a deleted model's name may stay claimed
        String name = SEED_NAMES.get(index) + (models == null ? "" : "-again-" + ++reseeded);
        return ModelUploads.model(client, name, "# " + name + "\nlicense: mit\n");
    }

    static final List<String> SEED_NAMES = List.of("fuzz-seed-one", "fuzz-seed-two");

    /**
     * Before each request: a fresh admin token now and then (a token is good for a bounded number of calls), and
     * the seeds back if a valid delete took one.
     */
    void prepare() {
        if (++requests % 100 == 0 && client.loginAsAdmin().status() != 200) {
            throw new IllegalStateException("the admin cannot log in any more");
        }
        for (int i = 0; i < models.size(); i++) {
            if (client.get("/artifacts/model/" + models.get(i).id()).status() == 404) {
                try {
                    models.set(i, seed(i));
                } catch (Exception e) {
                    throw new IllegalStateException("could not upload the seed again", e);
                }
            }
        }
    }

    /** Puts the current token and seed ids in for their placeholders. */
    String resolve(String text) {
        if (text == null) {
            return null;
        }
        String resolved = text.replace(RequestGenerator.TOKEN, client.token());
        for (int i = 0; i < models.size(); i++) {
            resolved = resolved.replace(RequestGenerator.seedId(i), models.get(i).id());
        }
        return resolved;
    }

    static synchronized FuzzedRegistry get() {
        if (instance == null) {
            Map<String, Object> properties = new HashMap<>();
            RegistryTestEnvironment.register((String name, Supplier<Object> value) -> properties.put(name, value.get()),
                    FakeHub.start(), "advisory");
            properties.put("server.port", "0");
            try {
                // as command-line arguments: they outrank application.properties, as the test's dynamic properties do
                String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
                instance = new FuzzedRegistry(new SpringApplicationBuilder(RegistryServer.class).run(args));
            } catch (Exception e) {
                throw new IllegalStateException("the fuzzed registry did not start", e);
            }
        }
        return instance;
    }

    /**
     * What a refused request must leave as it was: the artifacts there are, the users and their permissions, and
     * how many events the log holds (every change of state is an event). Not counted: the refusals the registry
     * records on purpose, as an audit of what it refused ({@code ArtifactDownloadRefused}, ADR 0072/0073, and
     * {@code ModelIngestRefused}): they record a 403 or 424, they change nothing else; nor the ratings an earlier,
     * accepted registration causes in the background (a model re-rated because an artifact it links to arrived,
     * trigger {@code LINKED_ARTIFACT}), which may land while any later request is answered.
     */
    String fingerprint() {
        var artifacts = client.post("/artifacts", "[{\"name\":\"*\"}]");
        var users = client.get("/users");
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType NOT IN (?, ?)"
                        + " AND NOT (payloadType = ? AND UTF8TOSTRING(payload) LIKE ?)", Long.class,
                "io.modelregistry.api.artifact.ArtifactDownloadRefused", "io.modelregistry.api.rating.ModelIngestRefused",
                "io.modelregistry.api.rating.ModelRated", "%\"LINKED_ARTIFACT\"%");
        return "events=" + events + " artifacts=" + artifacts.status() + artifacts.text() + " users=" + users.status()
                + users.text();
    }
}
