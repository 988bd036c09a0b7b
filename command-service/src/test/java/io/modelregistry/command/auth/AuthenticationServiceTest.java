package io.modelregistry.command.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.auth.Permission;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.TooManyRequests;
import io.modelregistry.command.auth.jdbc.JdbcAuthTokens;
import io.modelregistry.command.auth.jdbc.JdbcUserAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Login, tokens and back-off through the real service, command handler and embedded stores, with an injected clock
 * that the test moves: expiry at exactly ten hours, the use budget, and the back-off's 429s.
 */
class AuthenticationServiceTest {

    private static final String PASSWORD = "a long enough password";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private UserAccountStore users;
    private AuthenticationService auth;
    private PasswordHasher hasher;

    @BeforeEach
    void wire() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-command.sql")).execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        users = new JdbcUserAccounts(jdbc);
        AuthTokenStore tokens = new JdbcAuthTokens(jdbc);
        hasher = new PasswordHasher();
        var bus = SimpleCommandBus.builder().build();
        var events = DefaultEventGateway.builder().eventBus(SimpleEventBus.builder().build()).build();
        new AnnotationCommandHandlerAdapter<>(new AuthCommandHandler(users, tokens, events, clock)).subscribe(bus);
        auth = new AuthenticationService(users, tokens, hasher, DefaultCommandGateway.builder().commandBus(bus).build(),
                backoff(5, 30, 1000), clock);
        users.upsert(new UserAccount("alice", hasher.hash(PASSWORD), false, Set.of(Permission.SEARCH), clock.instant()));
    }

    private LoginBackoff backoff(int userFree, int addressFree, int maxEntries) {
        return new LoginBackoff(new LoginBackoffSettings(userFree, addressFree, Duration.ofSeconds(1),
                Duration.ofMinutes(15), Duration.ofMinutes(15), maxEntries), clock);
    }

    @Test
    void aTokenWorksUntilJustBeforeTenHoursByTheInjectedClockAndNotAtTenHours() {
        String token = auth.login("alice", PASSWORD, "10.0.0.1");
        clock.advance(Duration.ofHours(10).minusMillis(1));
        assertThat(auth.authenticate(token)).hasValueSatisfying(caller -> {
            assertThat(caller.actor().username()).isEqualTo("alice");
            assertThat(caller.permissions()).containsExactly(Permission.SEARCH);
        });
        clock.advance(Duration.ofMillis(1));
        assertThat(auth.authenticate(token)).isEmpty();
    }

    @Test
    void aTokenStopsWorkingAfterItsThousandthCall() {
        String token = auth.login("alice", PASSWORD, "10.0.0.1");
        for (int call = 1; call <= 1000; call++) {
            assertThat(auth.authenticate(token)).as("call %d", call).isPresent();
        }
        assertThat(auth.authenticate(token)).isEmpty();
    }

    @Test
    void aRemovedUsersTokenStopsAtItsNextRequestAndItsPermissionsAreReadAtEachRequest() {
        String token = auth.login("alice", PASSWORD, "10.0.0.1");
        var account = users.find("alice").orElseThrow();
        users.upsert(account.withGrants(false, Set.of(Permission.SEARCH, Permission.DOWNLOAD)));
        assertThat(auth.authenticate(token).orElseThrow().permissions())
                .containsExactlyInAnyOrder(Permission.SEARCH, Permission.DOWNLOAD);
        users.delete("alice");
        assertThat(auth.authenticate(token)).isEmpty();
    }

    @Test
    void theDefaultAdminsPasswordWithItsQuotesAndBacktickLogsIn() {
        auth.ensureDefaultAdmin();
        assertThat(DefaultAdmin.PASSWORD).contains("'").contains("\"").contains("`");
        String token = auth.login("ece30861defaultadminuser",
                "correcthorsebatterystaple123(!__+@**(A'\"`;DROP TABLE artifacts;", "10.0.0.1");
        assertThat(auth.authenticate(token).orElseThrow().actor().admin()).isTrue();
        assertThatThrownBy(() -> auth.login("ece30861defaultadminuser",
                "correcthorsebatterystaple123(!__+@**(A'\"`;DROP TABLE artifacts", "10.0.0.1"))
                .isInstanceOf(RegistryException.class);
    }

    @Test
    void afterFiveFailedLoginsForOneNameTheNextIsRefusedWith429UntilTheDelayHasPassedAndThenDoubles() {
        for (int i = 0; i < 5; i++) {
            String address = "10.0.0." + i;
            assertThatThrownBy(() -> auth.login("alice", "wrong password!", address))
                    .isInstanceOf(RegistryException.class).isNotInstanceOf(TooManyRequests.class);
        }
        // even the right password waits: the refusal comes before any check
        assertThatThrownBy(() -> auth.login("alice", PASSWORD, "10.0.0.9"))
                .isInstanceOfSatisfying(TooManyRequests.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> auth.login("alice", "wrong password!", "10.0.0.9"))
                .isNotInstanceOf(TooManyRequests.class);
        assertThatThrownBy(() -> auth.login("alice", PASSWORD, "10.0.0.9"))
                .isInstanceOfSatisfying(TooManyRequests.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(auth.login("alice", PASSWORD, "10.0.0.9")).startsWith("bearer ");
        // a success clears the name's failures
        assertThatThrownBy(() -> auth.login("alice", "wrong password!", "10.0.0.9"))
                .isNotInstanceOf(TooManyRequests.class);
    }

    @Test
    void oneAddressFailingOnManyNamesIsRefusedEvenForANewNameAndASuccessDoesNotClearIt() {
        var strict = new AuthenticationService(users, tokensOf(), hasher, null, backoff(100, 3, 1000), clock);
        for (String name : new String[] {"x1", "x2", "x3"}) {
            assertThatThrownBy(() -> strict.login(name, "wrong password!", "192.0.2.7"))
                    .isNotInstanceOf(TooManyRequests.class);
        }
        assertThatThrownBy(() -> strict.login("someone-new", "wrong password!", "192.0.2.7"))
                .isInstanceOf(TooManyRequests.class);
        assertThatThrownBy(() -> strict.login("alice", PASSWORD, "192.0.2.7"))
                .isInstanceOf(TooManyRequests.class);
        // another address is not affected
        assertThatThrownBy(() -> strict.login("someone-new", "wrong password!", "192.0.2.8"))
                .isNotInstanceOf(TooManyRequests.class);
    }

    @Test
    void theBackOffTablesKeepABoundedNumberOfEntries() {
        LoginBackoff bounded = backoff(5, 30, 100);
        for (int i = 0; i < 10_000; i++) {
            bounded.failed("user-" + i, "198.51.100." + (i % 250) + "." + i);
        }
        assertThat(bounded.trackedEntries()).isLessThanOrEqualTo(200);
    }

    private AuthTokenStore tokensOf() {
        return new AuthTokenStore() {
            @Override
            public void insert(IssuedToken token) {
                throw new AssertionError("this test issues no token");
            }

            @Override
            public java.util.Optional<String> spend(String tokenHash, Instant now) {
                return java.util.Optional.empty();
            }

            @Override
            public int revokeAllOf(String username) {
                return 0;
            }

            @Override
            public void revokeAllExcept(String keptTokenHash) {
            }

            @Override
            public long activeCount(Instant now) {
                return 0;
            }
        };
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
