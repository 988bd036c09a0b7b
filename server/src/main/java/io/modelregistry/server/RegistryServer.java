package io.modelregistry.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The embedded-default launcher: one process with command side, projections, query side and UI. */
@SpringBootApplication(scanBasePackages = "io.modelregistry")
public class RegistryServer {
    public static void main(String[] args) {
        // Axon's update checker would call AxonIQ's servers; the registry calls nothing but its configured hubs.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        MemoryFootprint.returnIdleMemory();
        SpringApplication.run(RegistryServer.class, args);
    }
}
