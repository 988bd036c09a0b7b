package io.modelregistry.projection.opensearch;

import io.modelregistry.projection.consistency.WriteFence;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The scale-out read models: OpenSearch indices shared by every node. Chosen by
 * {@code registry.read-models=opensearch}; settings under {@code registry.opensearch.*} ({@link OpenSearchSettings}).
 * Each adapter registers its index with {@link OpenSearchIndices} while the context starts, so an unreachable
 * cluster or a refused mapping stops start-up with a message instead of failing the first projected event.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
@EnableConfigurationProperties(OpenSearchSettings.class)
public class OpenSearchConfiguration {

    /** Only with signing: the AWS SDK's HTTP client, closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "registry.opensearch.aws-signing", havingValue = "true")
    SdkHttpClient openSearchAwsHttpClient(OpenSearchSettings settings) {
        return OpenSearchClients.awsHttpClient(settings);
    }

    @Bean(destroyMethod = "")
    OpenSearchClient openSearchClient(OpenSearchSettings settings, ObjectProvider<SdkHttpClient> awsHttp) {
        if (settings.awsSigning()) {
            return OpenSearchClients.signed(settings, awsHttp.getObject(), DefaultCredentialsProvider.builder().build());
        }
        return OpenSearchClients.plain(settings);
    }

    /** Closes the client's transport (its connection pool) with the context. */
    @Bean
    AutoCloseable openSearchTransportCloser(OpenSearchClient openSearchClient) {
        return () -> openSearchClient._transport().close();
    }

    /** With a token store the nodes share, its fence keeps each write inside the writer's claim (ClaimFence). */
    @Bean
    OpenSearchIndices openSearchIndices(OpenSearchClient openSearchClient, OpenSearchSettings settings,
                                        ObjectProvider<WriteFence> fence) {
        return new OpenSearchIndices(openSearchClient, settings, fence.getIfAvailable(() -> WriteFence.NONE));
    }
}
