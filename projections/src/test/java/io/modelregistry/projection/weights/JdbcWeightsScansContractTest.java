package io.modelregistry.projection.weights;

import io.modelregistry.projection.weights.jdbc.JdbcWeightsScans;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded weights-scan read model (H2 in memory, a fresh database per test) against the port's contract. */
class JdbcWeightsScansContractTest extends WeightsScansContract<JdbcWeightsScans> {

    @Override
    protected JdbcWeightsScans newStore() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:weights-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-downloads.sql")).execute(dataSource);
        return new JdbcWeightsScans(new JdbcTemplate(dataSource));
    }
}
