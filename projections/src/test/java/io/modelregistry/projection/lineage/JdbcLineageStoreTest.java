package io.modelregistry.projection.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.lineage.TargetKeys;
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
    private SimpleDriverDataSource dataSource;

    @Override
    protected JdbcLineageStore newStore() {
        dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
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

    @Test
    void rowsWrittenBeforeTheCompactAndVariantKeysExistedGetThemWhenTheSchemaRunsAgain() {
        for (String name : List.of("Fair-Face", "imagenet-1k", "Open-Web-Text-10b", "resnet-50", "ab-1k")) {
            store.putArtifact(new LineageArtifact(name, ArtifactType.DATASET, name, null, "UPLOAD", null, null, null,
                    true, false));
        }
        store.replaceDeclarations("Fair-Face", List.of(new DeclaredRelationship("acme/fair_face", "dataset",
                "trained_on", "model_card", "x")));
        jdbc.update("UPDATE lineage_artifact SET name_compact = NULL, name_base = NULL");
        jdbc.update("UPDATE lineage_relationship SET target_compact = NULL");

        new ResourceDatabasePopulator(new ClassPathResource("db/schema-lineage.sql")).execute(dataSource);

        for (String name : List.of("Fair-Face", "imagenet-1k", "Open-Web-Text-10b", "resnet-50", "ab-1k")) {
            // the SQL backfill gives what the store writes for a new row
            assertThat(jdbc.queryForList("SELECT name_compact, name_base FROM lineage_artifact WHERE artifact_id = ?",
                    name).get(0)).as(name).containsEntry("NAME_COMPACT", TargetKeys.compactOf(name))
                    .containsEntry("NAME_BASE", TargetKeys.variantBaseOf(name));
        }
        assertThat(jdbc.queryForObject("SELECT target_compact FROM lineage_relationship", String.class))
                .isEqualTo("fairface");
    }
}
