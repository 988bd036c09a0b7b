package io.modelregistry.projection.timetravel.jdbc;

import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.api.audit.AuditTrailWriter;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactDirectoryWriter;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.LineageWriter;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.api.rating.RatingReadModelWriter;
import io.modelregistry.projection.audit.jdbc.JdbcAuditTrail;
import io.modelregistry.projection.directory.jdbc.JdbcArtifactDirectory;
import io.modelregistry.projection.lineage.jdbc.JdbcLineageStore;
import io.modelregistry.projection.rating.jdbc.JdbcRatingReadModel;
import io.modelregistry.projection.timetravel.ReplayStore;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Replay stores as the live embedded read models are, with the same JDBC adapters and schema scripts, on a private
 * in-memory H2 database per replay, dropped when the store is closed. Whichever backend serves the live read models
 * (embedded or OpenSearch), a replay is this small and local: it holds one moment's state for a few reads.
 */
@Component
class InMemoryReplayStores implements ReplayStore.Factory {

    private static final String[] SCHEMAS = {"db/schema-readmodels.sql", "db/schema-lineage.sql",
            "db/schema-ratings.sql"};

    @Override
    public ReplayStore open() {
        // DB_CLOSE_DELAY=-1 keeps the database between the pool-less connections until SHUTDOWN drops it
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:replay-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1");
        ResourceDatabasePopulator schema = new ResourceDatabasePopulator();
        for (String script : SCHEMAS) {
            schema.addScript(new ClassPathResource(script));
        }
        schema.execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new Store(jdbc, new JdbcArtifactDirectory(jdbc), new JdbcAuditTrail(jdbc), new JdbcRatingReadModel(jdbc),
                new JdbcLineageStore(jdbc));
    }

    private record Store(JdbcTemplate jdbc, JdbcArtifactDirectory directoryStore, JdbcAuditTrail auditStore,
                         JdbcRatingReadModel ratingStore, JdbcLineageStore lineageStore) implements ReplayStore {

        @Override
        public ArtifactDirectoryWriter directoryWriter() {
            return directoryStore;
        }

        @Override
        public AuditTrailWriter auditWriter() {
            return auditStore;
        }

        @Override
        public RatingReadModelWriter ratingsWriter() {
            return ratingStore;
        }

        @Override
        public LineageWriter lineageWriter() {
            return lineageStore;
        }

        @Override
        public ArtifactDirectory directory() {
            return directoryStore;
        }

        @Override
        public AuditTrail audit() {
            return auditStore;
        }

        @Override
        public RatingReadModel ratings() {
            return ratingStore;
        }

        @Override
        public LineageStore lineage() {
            return lineageStore;
        }

        @Override
        public void close() {
            jdbc.execute("SHUTDOWN");
        }
    }
}
