package io.modelregistry.projection.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.search.SearchIndexWriter;
import io.modelregistry.projection.opensearch.OpenSearchConfiguration;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.projection.search.InMemoryDocuments;
import io.modelregistry.projection.search.SearchProcessingGroup;
import io.modelregistry.projection.search.lucene.SearchIndex;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;

/**
 * With {@code registry.read-models=opensearch} the search package wires the OpenSearch adapter as both ports, and
 * none of the Lucene index's beans (no data directory, no commits, no recovery at start).
 */
class OpenSearchSearchWiringTest {

    @ComponentScan(basePackageClasses = SearchProcessingGroup.class)
    static class SearchPackage {
    }

    @Test
    void theOpenSearchAdapterIsBothPortsAndNoLuceneBeanIsMade() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withUserConfiguration(SearchPackage.class, OpenSearchConfiguration.class)
                .withBean(EventProcessingConfiguration.class, () -> mock(EventProcessingConfiguration.class))
                .withBean(ArtifactDocumentStore.class, InMemoryDocuments::new)
                .withPropertyValues("registry.read-models=opensearch",
                        "registry.opensearch.endpoint=" + OpenSearchNode.endpoint(),
                        "registry.opensearch.index-prefix=" + OpenSearchNode.uniquePrefix("search-wiring"),
                        "registry.search.regex-budget=2s");

        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ArtifactSearch.class).hasSingleBean(SearchIndexWriter.class)
                    .doesNotHaveBean(SearchIndex.class);
            assertThat(context.getBean(ArtifactSearch.class)).isSameAs(context.getBean(SearchIndexWriter.class))
                    .isInstanceOf(OpenSearchArtifactSearch.class);
            context.getBean(SearchIndexWriter.class).register(
                    new IndexedArtifact("id-1", "bert", ArtifactType.MODEL, "readme"), OptionalLong.of(7), true);
            assertThat(context.getBean(ArtifactSearch.class).byName("bert"))
                    .containsExactly(new ArtifactSummary("id-1", "bert", ArtifactType.MODEL));
        });
    }
}
