package io.modelregistry.projection.sensitive;

import io.modelregistry.projection.sensitive.jdbc.JdbcSensitiveModels;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded sensitive-model read model (H2 in memory, a fresh database per test) against the port's contract. */
class JdbcSensitiveModelsContractTest extends SensitiveModelsContract<JdbcSensitiveModels> {

    @Override
    protected JdbcSensitiveModels newStore() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:sensitive-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-downloads.sql")).execute(dataSource);
        return new JdbcSensitiveModels(new JdbcTemplate(dataSource));
    }
}
