package io.modelregistry.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The embedded-default launcher: one process with command side, projections, query side and UI. */
@SpringBootApplication(scanBasePackages = "io.modelregistry")
public class RegistryServer {
    public static void main(String[] args) {
        SpringApplication.run(RegistryServer.class, args);
    }
}
