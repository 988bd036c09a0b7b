package io.modelregistry.projection.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.projection.lineage.jdbc.JdbcLineageStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded lineage read model (H2 in memory, a fresh database per test) against the port's contract. */
class JdbcLineageStoreTest extends LineageStoreContract<JdbcLineageStore> {

    private JdbcTemplate jdbc;

    @Override
    protected JdbcLineageStore newStore() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:lineage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-lineage.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        return new JdbcLineageStore(jdbc);
    }

    @Test
    void deleteAllLeavesNoRowInEitherTable() {
        store.putArtifact(new LineageArtifact("a", ArtifactType.MODEL, "a", "acme/a", null, null, null, null, true, false));
        store.replaceDeclarations("a", List.of(new DeclaredRelationship("acme/b", "model", "base_model", "model_card", "x")));
        store.deleteAll();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lineage_relationship", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lineage_artifact", Integer.class)).isZero();
    }
}
