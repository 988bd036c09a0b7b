package io.modelregistry.projection.blob;

import io.modelregistry.projection.blob.jdbc.JdbcBlobReferences;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded blob references (H2 in memory, a fresh database per test) against the port's contract. */
class JdbcBlobReferencesTest extends BlobReferencesContract<JdbcBlobReferences> {

    @Override
    protected JdbcBlobReferences newStore() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:blobs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-blobs.sql")).execute(dataSource);
        return new JdbcBlobReferences(new JdbcTemplate(dataSource));
    }
}
