package io.modelregistry.server.web;

import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.server.stores.StoreSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Small shared beans of the launcher: the clock and the download-link signer with its persistent secret. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
class CoreBeans {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Nodes of a scale-out deployment share the configured secret, so a link one node signed works on all of
     * them; without one, a node on the shared stores would sign links only it accepts, so it refuses to start.
     * The embedded default keeps its secret in the data dir (created once, owner-only): links survive a restart
     * and a factory reset (deleting the data dir) invalidates them all.
     */
    @Bean
    DownloadLinkSigner downloadLinkSigner(@Value("${registry.data-dir}") Path dataDir,
                                          StoreSelection stores, HttpProperties http, Clock clock) throws IOException {
        var configured = http.download().key();
        if (configured.isPresent()) {
            return new DownloadLinkSigner(configured.get(), http.download().linkTtl(), clock);
        }
        if (stores.eventStore() != StoreSelection.EventStore.JDBC) {
            throw new IllegalStateException("registry.event-store=" + stores.eventStore().name().toLowerCase(Locale.ROOT)
                    + " runs nodes that share one registry:"
                    + " give them all the same download-link secret in REGISTRY_DOWNLOAD_SIGNING_KEY"
                    + " (base64 of 32+ random bytes, e.g. openssl rand -base64 32)");
        }
        Path secretFile = dataDir.resolve("secrets").resolve("download-signing.key");
        if (!Files.exists(secretFile)) {
            Files.createDirectories(secretFile.getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.write(secretFile, secret, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: rely on the data dir's own permissions
            }
        }
        return new DownloadLinkSigner(Files.readAllBytes(secretFile), http.download().linkTtl(), clock);
    }
}
