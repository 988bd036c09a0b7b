package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.projection.search.SearchProcessingGroup;
import io.modelregistry.projection.search.query.KeywordTerms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.projection.search.InMemoryDocuments;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;

/** The package's Spring beans wire, start and stop as the launcher will run them (Axon itself mocked out). */
class SearchWiringTest {

    @TempDir
    Path dataDir;

    @ComponentScan(basePackageClasses = SearchProcessingGroup.class)
    static class SearchPackage {
    }

    @Test
    void beansWireStartAndCloseTheIndexCleanly() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessorByProcessingGroup(eq(SearchProcessingGroup.NAME), any()))
                .thenReturn(Optional.empty());
        ApplicationContextRunner runner = new ApplicationContextRunner()
                // as SpringApplication does: Boot's conversions (e.g. "1s" or "PT1S" to Duration) for @Value
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withUserConfiguration(SearchPackage.class)
                .withBean(EventProcessingConfiguration.class, () -> processing)
                .withBean(ArtifactDocumentStore.class, InMemoryDocuments::new)
                .withPropertyValues("registry.data-dir=" + dataDir, "registry.search.commit-interval=PT0.05S");

        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ArtifactSearch.class);
            assertThat(context.getBean(SearchIndexRecovery.class).isRunning()).isTrue();
            context.getBean(SearchIndex.class).register(
                    new IndexedArtifact("id-1", "bert", ArtifactType.MODEL, "readme"), OptionalLong.of(7), true);
            assertThat(context.getBean(ArtifactSearch.class).byName("bert")).hasSize(1);
        });

        SearchIndex reopened = new SearchIndex(dataDir);   // the context closed it
        try {
            assertThat(reopened.atOpen().cleanShutdown()).isTrue();
            assertThat(reopened.atOpen().position()).isEqualTo(7);
            assertThat(new LuceneArtifactSearch(reopened, java.time.Duration.ofSeconds(1))
                    .list(List.of(new NameQuery("*", Set.of())), 0, 10).total()).isEqualTo(1);
        } finally {
            reopened.close();
        }
    }

    @Test
    void overlongNamesAreCutToWhatLuceneAccepts() {
        String name = "é".repeat(20_000);   // 40,000 UTF-8 bytes
        String cut = KeywordTerms.fit(name);
        assertThat(cut.length()).isEqualTo(16_383);
        assertThat(KeywordTerms.fit("bert")).isEqualTo("bert");
        try (SearchIndex index = new SearchIndex(dataDir.resolve("long"))) {
            index.register(new IndexedArtifact("id-1", name, ArtifactType.MODEL, null), OptionalLong.of(1), true);
            assertThat(new LuceneArtifactSearch(index, java.time.Duration.ofSeconds(1)).byName(cut)).hasSize(1);
        }
    }
}
