package io.modelregistry.command.ingest;

import io.modelregistry.hub.HubClient;
import io.modelregistry.hub.HubEndpoint;
import io.modelregistry.hub.HubEndpoints;
import io.modelregistry.hub.HubLookup;
import io.modelregistry.hub.SourceUrlParser;
import io.modelregistry.hub.lineage.RelationshipExtractor;
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

    @Bean("ingestSourceUrlParser")
    SourceUrlParser ingestSourceUrlParser() {
        return new SourceUrlParser();
    }

    /** The rating's look-ups go through the same bounded client and endpoints as ingest. */
    @Bean
    HubLookup hubLookup(HubClient ingestHubClient, HubEndpoints ingestHubEndpoints) {
        return new HubLookup(ingestHubClient, ingestHubEndpoints);
    }

    /** What a fetched model's card and config declare about its parents; read when the artifact is registered. */
    @Bean
    RelationshipExtractor relationshipExtractor() {
        return new RelationshipExtractor();
    }
}
