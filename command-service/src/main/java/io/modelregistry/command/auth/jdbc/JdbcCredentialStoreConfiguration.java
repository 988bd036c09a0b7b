package io.modelregistry.command.auth.jdbc;

import io.modelregistry.command.auth.AuthTokenStore;
import io.modelregistry.command.auth.UserAccountStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts and tokens in the embedded database, beside the JDBC event store (the same transaction). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "registry.event-store", havingValue = "jdbc", matchIfMissing = true)
class JdbcCredentialStoreConfiguration {

    @Bean
    UserAccountStore userAccountStore(JdbcTemplate jdbc) {
        return new JdbcUserAccounts(jdbc);
    }

    @Bean
    AuthTokenStore authTokenStore(JdbcTemplate jdbc) {
        return new JdbcAuthTokens(jdbc);
    }
}
