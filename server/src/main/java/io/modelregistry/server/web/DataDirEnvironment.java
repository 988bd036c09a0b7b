package io.modelregistry.server.web;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code registry.data-dir} (REGISTRY_DATA_DIR) to an absolute path once, before anything uses it:
 * the embedded H2 URL is built from it, and H2 refuses implicit relative paths such as {@code data/x}.
 */
public class DataDirEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("registry.data-dir", "./data");
        Path dataDir = Path.of(configured).toAbsolutePath().normalize();
        environment.getPropertySources().addFirst(new MapPropertySource("registryDataDir",
                Map.of("registry.data-dir", dataDir.toString())));
    }
}
