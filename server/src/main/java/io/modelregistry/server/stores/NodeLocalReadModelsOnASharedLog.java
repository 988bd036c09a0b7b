package io.modelregistry.server.stores;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A node with read models of its own (embedded) on an event log other nodes also write to (DynamoDB) builds
 * every read model itself, so a write another node answered is in the log before it is in this node's read
 * models: reads here must first catch up with the log's head, or read-your-writes would not hold across nodes.
 * This sets {@code registry.read-your-writes.reads-await-head} for that combination unless it is set already;
 * with shared read models (OpenSearch) the writer waited for them instead, and reads need not.
 */
public class NodeLocalReadModelsOnASharedLog implements EnvironmentPostProcessor {

    static final String PROPERTY = "registry.read-your-writes.reads-await-head";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String eventStore = environment.getProperty("registry.event-store", "jdbc").strip().toLowerCase(Locale.ROOT);
        String readModels = environment.getProperty("registry.read-models", "embedded").strip().toLowerCase(Locale.ROOT);
        if (!"jdbc".equals(eventStore) && "embedded".equals(readModels) && !environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("node-local read models on a shared log",
                    Map.of(PROPERTY, "true")));
        }
    }
}
