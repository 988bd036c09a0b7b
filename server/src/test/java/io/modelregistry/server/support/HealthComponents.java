package io.modelregistry.server.support;

import static io.modelregistry.server.support.RegistryClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What {@code /health/components} says of one component. */
public final class HealthComponents {

    private HealthComponents() {
    }

    /** The status of {@code component} ({@code ok}, {@code degraded}, {@code critical}); fails if it is not listed. */
    public static String status(RegistryClient client, String component) {
        JsonNode components = json(client.get("/health/components"));
        List<String> seen = new ArrayList<>();
        for (JsonNode c : components.path("components")) {
            seen.add(c.path("id").asText());
            if (c.path("id").asText().equals(component)) {
                return c.path("status").asText();
            }
        }
        throw new AssertionError("no component " + component + " in " + seen);
    }
}
