package io.modelregistry.server.axon.dynamodb;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The DynamoDB event store ({@code registry.event-store=dynamodb}), set as {@code REGISTRY_DYNAMODB_*} variables.
 * Credentials are never settings: the AWS SDK's default chain finds them (a role, the environment, a profile).
 *
 * @param endpoint           the service endpoint; empty for AWS itself (from the region), a loopback URL for an emulator
 * @param region             the AWS region; empty for the SDK's default chain ({@code AWS_REGION}, profile, instance)
 * @param tablePrefix        every table is named {@code <prefix><suffix>} unless named on its own: suffixes {@code events},
 *                           {@code event-log}, {@code snapshots}, {@code event-payloads}, {@code tokens}, {@code claims}
 * @param eventsTable        one small item per domain event, keyed (aggregate id, sequence number): optimistic locking
 * @param logTable           the global order: the position counter and one commit item per appended unit of work
 * @param snapshotsTable     the latest snapshot of each aggregate
 * @param payloadsTable      commits and snapshots too large for one item, in chunks by sha-256
 * @param tokensTable        the tracking processors' tokens and claims
 * @param claimsTable        duplicate-source claims
 * @param createTables       create missing tables at start and wait until they are active (existing ones are kept)
 * @param connectTimeout     TCP connect timeout of the HTTP client
 * @param attemptTimeout     one HTTP attempt (DynamoDB answers in milliseconds; a hung attempt is retried)
 * @param callTimeout        one SDK call, all retries included
 * @param maxAttempts        attempts per call, the first included (throttling and 5xx are retried with back-off)
 * @param gapTimeout         how long a position that was taken but not committed holds tracking readers back before
 *                           a reader closes it for good (the writer died, or took longer than this)
 * @param tableActiveTimeout how long start-up waits for a created table to become active
 * @param nodeId             this node's name as owner of token claims; empty for Axon's {@code pid@host}
 */
@Validated
@ConfigurationProperties("registry.dynamodb")
public record DynamoDbProperties(
        URI endpoint,
        String region,
        @NotNull @DefaultValue("registry-") String tablePrefix,
        String eventsTable,
        String logTable,
        String snapshotsTable,
        String payloadsTable,
        String tokensTable,
        String claimsTable,
        @DefaultValue("true") boolean createTables,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("5s") Duration attemptTimeout,
        @NotNull @DefaultValue("20s") Duration callTimeout,
        @Min(1) @Max(10) @DefaultValue("4") int maxAttempts,
        @NotNull @DefaultValue("10s") Duration gapTimeout,
        @NotNull @DefaultValue("2m") Duration tableActiveTimeout,
        String nodeId) {

    public DynamoDbProperties {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(attemptTimeout, "attempt-timeout");
        requirePositive(callTimeout, "call-timeout");
        requirePositive(gapTimeout, "gap-timeout");
        requirePositive(tableActiveTimeout, "table-active-timeout");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("registry.dynamodb." + name + " must be a positive duration");
        }
    }

    /** The table names, for the store's parts. */
    Tables tables() {
        return new Tables(name(eventsTable, "events"), name(logTable, "event-log"), name(snapshotsTable, "snapshots"),
                name(payloadsTable, "event-payloads"), name(tokensTable, "tokens"), name(claimsTable, "claims"));
    }

    private String name(String table, String suffix) {
        return table == null || table.isBlank() ? tablePrefix.strip() + suffix : table.strip();
    }

    /** Names of the DynamoDB tables the event store uses. */
    public record Tables(String events, String log, String snapshots, String payloads, String tokens, String claims) {

        /** Tables named {@code prefix-events}, {@code prefix-log}, ...: for tests that need a fresh store each. */
        public static Tables prefixed(String prefix) {
            return new Tables(prefix + "events", prefix + "event-log", prefix + "snapshots", prefix + "event-payloads",
                    prefix + "tokens", prefix + "claims");
        }
    }
}
