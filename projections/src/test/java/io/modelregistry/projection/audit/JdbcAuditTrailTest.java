package io.modelregistry.projection.audit;

import io.modelregistry.projection.audit.jdbc.JdbcAuditTrail;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded audit trail (H2 in memory, a fresh database per test) against the port's contract. */
class JdbcAuditTrailTest extends AuditTrailContract<JdbcAuditTrail> {

    @Override
    protected JdbcAuditTrail newStore() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-readmodels.sql")).execute(dataSource);
        return new JdbcAuditTrail(new JdbcTemplate(dataSource));
    }
}
