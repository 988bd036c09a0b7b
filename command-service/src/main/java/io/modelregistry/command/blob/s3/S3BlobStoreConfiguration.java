package io.modelregistry.command.blob.s3;

import io.modelregistry.api.blob.BlobStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The scale-out blob store: S3 objects, shared by every node. Chosen by {@code registry.blob-store=s3}; settings
 * under {@code registry.blob-store.s3.*} ({@link S3BlobStoreSettings}), credentials from the AWS default provider
 * chain. The bucket is checked (and created when allowed) while the context starts, so a wrong bucket or an
 * unreachable endpoint stops start-up with a message instead of failing the first ingest.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "registry.blob-store", havingValue = "s3")
@EnableConfigurationProperties(S3BlobStoreSettings.class)
class S3BlobStoreConfiguration {

    @Bean(destroyMethod = "close")
    S3Client blobS3Client(S3BlobStoreSettings settings) {
        return S3Clients.client(settings, DefaultCredentialsProvider.builder().build());
    }

    @Bean(destroyMethod = "close")
    S3Presigner blobS3Presigner(S3BlobStoreSettings settings) {
        return S3Clients.presigner(settings, DefaultCredentialsProvider.builder().build());
    }

    @Bean
    BlobStore blobStore(S3Client blobS3Client, S3Presigner blobS3Presigner, S3BlobStoreSettings settings) {
        S3BlobStore store = new S3BlobStore(blobS3Client, blobS3Presigner, settings);
        store.ensureBucket();
        return store;
    }
}
