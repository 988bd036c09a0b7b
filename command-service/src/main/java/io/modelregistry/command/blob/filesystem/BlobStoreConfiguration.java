package io.modelregistry.command.blob.filesystem;

import io.modelregistry.api.blob.BlobStore;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded blob store: blobs live under the data dir, so deleting it is a factory reset. Chosen by
 * {@code registry.blob-store=filesystem} (the default); another adapter (e.g. {@code s3}) sits in a sibling
 * package with its own condition.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "registry.blob-store", havingValue = "filesystem", matchIfMissing = true)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(@Value("${registry.data-dir:./data}") String dataDir) {
        return new FilesystemBlobStore(Path.of(dataDir).resolve("blobs"));
    }
}
