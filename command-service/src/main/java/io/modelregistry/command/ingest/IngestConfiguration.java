package io.modelregistry.command.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where ingest may fetch from and how long it waits, all from configuration: {@code HF_ENDPOINT},
 * {@code GITHUB_API_URL}, optional {@code HF_TOKEN} / {@code GITHUB_TOKEN} (sent
 * only to their own service, never logged) and {@code registry.ingest.request-timeout} (default 20s; a
 * Spring duration like {@code 20s} or {@code PT20S}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PackageSettings.class)
class IngestConfiguration {

    @Bean("ingestHubEndpoints")
    HubEndpoints ingestHubEndpoints(
            @Value("${HF_ENDPOINT:https://huggingface.co}") String huggingFace,
            @Value("${GITHUB_API_URL:https://api.github.com}") String gitHubApi,
            @Value("${HF_TOKEN:}") String huggingFaceToken,
            @Value("${GITHUB_TOKEN:}") String gitHubToken) {
        return new HubEndpoints(
                HubEndpoint.of("HuggingFace", huggingFace, huggingFaceToken),
                HubEndpoint.of("GitHub", gitHubApi, gitHubToken));
    }

    @Bean("ingestHubClient")
    HubClient ingestHubClient(@Value("${registry.ingest.request-timeout:20s}") String requestTimeout) {
        return HubClient.create(DurationStyle.detectAndParse(requestTimeout));
    }
}
