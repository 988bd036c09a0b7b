package io.modelregistry.command.artifact.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import io.modelregistry.api.claim.SourceClaims;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded claims live in the event store's H2 database (chosen with {@code registry.event-store=jdbc}),
 * reached through a small pool of their own rather than the application's. A command claims while its unit of
 * work already holds a connection of the main pool; taking a second one from the same pool could starve under
 * many concurrent registrations, and joining its transaction is exactly what claims must not rely on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "registry.event-store", havingValue = "jdbc", matchIfMissing = true)
class JdbcClaimsConfiguration {

    private static final int POOL_SIZE = 4;
    private static final java.util.concurrent.atomic.AtomicInteger POOLS = new java.util.concurrent.atomic.AtomicInteger();
    private static final long CONNECTION_TIMEOUT_MS = 10_000;

    @Bean(destroyMethod = "close")
    ClaimsDatabase claimsDatabase(DataSourceProperties database, DataSource main) throws SQLException {
        HikariDataSource pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        // the same database as the main pool, so the same judgement of which failures leave a connection dead (on the
        // embedded default: H2 closing a database it could not write, which no connection of it survives)
        if (main.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource mainPool = main.unwrap(HikariDataSource.class);
            pool.setExceptionOverrideClassName(mainPool.getExceptionOverrideClassName());
            pool.setRegisterMbeans(mainPool.isRegisterMbeans());
        }
        // unique in the process: a pool registers in JMX under its name (when the main pool does), and a second
        // registry context in the same JVM (tests) must not lose its registration to the first
        pool.setPoolName("source-claims-" + POOLS.incrementAndGet());
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        pool.setAutoCommit(true);
        return new ClaimsDatabase(pool);
    }

    @Bean
    SourceClaims sourceClaims(ClaimsDatabase database) {
        return new JdbcSourceClaims(new JdbcTemplate(database.pool()));
    }

    /** Holds the pool without exposing a second DataSource bean (which would turn off Boot's own). */
    record ClaimsDatabase(HikariDataSource pool) implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
        }
    }
}
