package io.modelregistry.command.ingest;

import io.modelregistry.hub.HubClient;
import io.modelregistry.hub.HubEndpoint;
import io.modelregistry.hub.HubEndpoints;
import io.modelregistry.hub.HubLookup;
import io.modelregistry.hub.SourceUrlParser;
import io.modelregistry.hub.lineage.RelationshipExtractor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where ingest may fetch from and how long it waits, all from configuration ({@link HubProperties}: the hubs'
 * base URLs, optional tokens sent only to their own service and never logged, and the request timeout) and what
 * of a source's files it stores ({@link PackageSettings}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HubProperties.class, PackageSettings.class, VersionSettings.class})
class IngestConfiguration {

    @Bean("ingestHubEndpoints")
    HubEndpoints ingestHubEndpoints(HubProperties hub) {
        return new HubEndpoints(
                HubEndpoint.of("HuggingFace", hub.huggingfaceUrl(), hub.huggingfaceToken()),
                HubEndpoint.of("GitHub", hub.githubApiUrl(), hub.githubToken()));
    }

    @Bean("ingestHubClient")
    HubClient ingestHubClient(HubProperties hub) {
        return HubClient.create(hub.requestTimeout());
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
