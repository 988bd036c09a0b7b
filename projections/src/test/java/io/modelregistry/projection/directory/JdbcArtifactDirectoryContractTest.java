package io.modelregistry.projection.directory;

import io.modelregistry.projection.directory.jdbc.JdbcArtifactDirectory;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded directory (H2 in memory, a fresh database per test) against the port's contract. */
class JdbcArtifactDirectoryContractTest extends ArtifactDirectoryContract<JdbcArtifactDirectory> {

    @Override
    protected JdbcArtifactDirectory newStore() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:directory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-readmodels.sql")).execute(dataSource);
        return new JdbcArtifactDirectory(new JdbcTemplate(dataSource));
    }
}
