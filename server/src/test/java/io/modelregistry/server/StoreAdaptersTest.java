package io.modelregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.claim.SourceClaims;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.SearchIndexWriter;
import io.modelregistry.server.stores.StoreSelection;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/** With no store settings, each port is served by exactly one bean: the embedded adapter of its package. */
class StoreAdaptersTest extends InProcessRegistryTest {

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void theEventStoreIsAxonsJdbcEngineAndTokenStoreDefinedByTheJdbcAdapterNotByAutoConfiguration() {
        assertThat(beans.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(beans.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(beans.getType(beans.getBeanDefinition("eventStorageEngine").getFactoryBeanName()).getName())
                .isEqualTo("io.modelregistry.server.axon.jdbc.JdbcEventStoreConfiguration");
        assertThat(beans.getType(beans.getBeanDefinition("tokenStore").getFactoryBeanName()).getName())
                .as("the tokens sit beside the embedded read models").isEqualTo(
                        "io.modelregistry.server.axon.jdbc.JdbcTokenStoreConfiguration");
        assertThat(beans.getBean(StoreSelection.class)).isEqualTo(new StoreSelection(StoreSelection.EventStore.JDBC,
                StoreSelection.BlobStore.FILESYSTEM, StoreSelection.ReadModels.EMBEDDED));
    }

    @Test
    void everyPortHasOneAdapterFromItsBackendsPackage() {
        assertAdapter(SourceClaims.class, "io.modelregistry.command.artifact.jdbc");
        assertAdapter(BlobStore.class, "io.modelregistry.command.blob.filesystem");
        assertAdapter(ArtifactDirectory.class, "io.modelregistry.projection.directory.jdbc");
        assertAdapter(AuditTrail.class, "io.modelregistry.projection.audit.jdbc");
        assertAdapter(RatingReadModel.class, "io.modelregistry.projection.rating.jdbc");
        assertAdapter(LineageStore.class, "io.modelregistry.projection.lineage.jdbc");
        assertAdapter(ArtifactSearch.class, "io.modelregistry.projection.search.lucene");
        assertAdapter(SearchIndexWriter.class, "io.modelregistry.projection.search.lucene");
        assertAdapter(io.modelregistry.api.blob.BlobReferences.class, "io.modelregistry.projection.blob.jdbc");
        assertAdapter(io.modelregistry.api.blob.BlobReferencesWriter.class, "io.modelregistry.projection.blob.jdbc");
        assertAdapter(io.modelregistry.command.auth.UserAccountStore.class, "io.modelregistry.command.auth.jdbc");
        assertAdapter(io.modelregistry.command.auth.AuthTokenStore.class, "io.modelregistry.command.auth.jdbc");
    }

    private void assertAdapter(Class<?> port, String adapterPackage) {
        assertThat(beans.getBeanNamesForType(port)).as(port.getSimpleName()).hasSize(1);
        assertThat(beans.getBean(port).getClass().getPackageName()).as(port.getSimpleName()).isEqualTo(adapterPackage);
    }
}
