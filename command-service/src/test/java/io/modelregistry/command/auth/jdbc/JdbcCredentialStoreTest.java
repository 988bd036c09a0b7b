package io.modelregistry.command.auth.jdbc;

import io.modelregistry.command.auth.AuthTokenStore;
import io.modelregistry.command.auth.CredentialStoreContract;
import io.modelregistry.command.auth.UserAccountStore;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded credential store (H2, the command side's own schema script) against the adapters' contract. */
class JdbcCredentialStoreTest extends CredentialStoreContract {

    private JdbcAuthTokens tokens;
    private JdbcUserAccounts users;

    @BeforeEach
    void freshDatabase() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-command.sql")).execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        tokens = new JdbcAuthTokens(jdbc);
        users = new JdbcUserAccounts(jdbc);
    }

    @Override
    protected AuthTokenStore tokens() {
        return tokens;
    }

    @Override
    protected UserAccountStore users() {
        return users;
    }
}
