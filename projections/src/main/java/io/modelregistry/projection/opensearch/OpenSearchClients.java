package io.modelregistry.projection.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds the typed OpenSearch client from the settings: over Apache HttpClient 5 for a plain cluster, or over the
 * AWS SDK's HTTP client with every request SigV4-signed for an Amazon OpenSearch Service domain. Either way the
 * pool is bounded and connecting, waiting for a pooled connection and waiting for a response have a timeout.
 * Documents are (de)serialised by Jackson, instants as ISO-8601 strings.
 */
public final class OpenSearchClients {

    private OpenSearchClients() {
    }

    /** The JSON mapper every read model's documents go through. */
    public static JacksonJsonpMapper mapper() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new JacksonJsonpMapper(json);
    }

    /** An unsigned client (a self-managed cluster, or the test node on loopback). */
    public static OpenSearchClient plain(OpenSearchSettings settings) {
        return new OpenSearchClient(plainTransport(settings));
    }

    /** A client whose requests are signed with {@code credentials}; the returned client owns {@code http}. */
    public static OpenSearchClient signed(OpenSearchSettings settings, SdkHttpClient http,
                                          AwsCredentialsProvider credentials) {
        return new OpenSearchClient(signedTransport(settings, http, credentials));
    }

    /** The AWS SDK HTTP client a signed transport sends through. */
    public static SdkHttpClient awsHttpClient(OpenSearchSettings settings) {
        return ApacheHttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectTimeout())
                .connectionAcquisitionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout())
                .build();
    }

    static OpenSearchTransport plainTransport(OpenSearchSettings settings) {
        URI endpoint = settings.endpoint();
        HttpHost host = new HttpHost(endpoint.getScheme(), endpoint.getHost(), port(endpoint));
        Timeout connect = Timeout.of(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Timeout socket = Timeout.of(settings.socketTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(mapper())
                .setHttpClientConfigCallback(client -> client.setConnectionManager(
                        PoolingAsyncClientConnectionManagerBuilder.create()
                                .setMaxConnTotal(settings.maxConnections())
                                .setMaxConnPerRoute(settings.maxConnections())
                                .setDefaultConnectionConfig(ConnectionConfig.custom()
                                        .setConnectTimeout(connect).setSocketTimeout(socket).build())
                                .build()))
                .setRequestConfigCallback(request -> request
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(socket));
        String path = endpoint.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            builder.setPathPrefix(path);
        }
        return builder.build();
    }

    static OpenSearchTransport signedTransport(OpenSearchSettings settings, SdkHttpClient http,
                                               AwsCredentialsProvider credentials) {
        URI endpoint = settings.endpoint();
        String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        return new AwsSdk2Transport(http, host, settings.signingService(), Region.of(settings.region()),
                AwsSdk2TransportOptions.builder().setCredentials(credentials).setMapper(mapper()).build());
    }

    private static int port(URI endpoint) {
        if (endpoint.getPort() >= 0) {
            return endpoint.getPort();
        }
        return "https".equals(endpoint.getScheme()) ? 443 : 80;
    }
}
