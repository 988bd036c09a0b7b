package io.modelregistry.server.axon.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.claim.SourceClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Duplicate-source claims as single conditional writes, and which sources an artifact holds, read consistently. */
class DynamoDbSourceClaimsTest {

    private DynamoDbClient client;
    private DynamoDbSourceClaims claims;

    @BeforeEach
    void open() {
        client = Dynalite.shared().client();
        var tables = Dynalite.freshTables("claims");
        new DynamoDbTables(client, tables).createIfMissing(Duration.ofSeconds(30));
        claims = new DynamoDbSourceClaims(client, tables.claims());
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static SourceClaim claim(String source, String artifact, long millis) {
        return new SourceClaim(source, artifact, ArtifactType.MODEL, "name-" + artifact, Instant.ofEpochMilli(millis));
    }

    @Test
    void ofConcurrentClaimsOnOneSourceExactlyOneIsWritten() throws Exception {
        var threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String artifact = "a" + i;
                results.add(threads.submit((Callable<Boolean>) () -> claims.claimIfAbsent(claim("src", artifact, 1))));
            }
            int written = 0;
            for (Future<Boolean> result : results) {
                written += result.get() ? 1 : 0;
            }
            assertThat(written).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        String holder = claims.bySource("src").orElseThrow().artifactId();
        assertThat(claims.heldBy(holder)).extracting(SourceClaim::sourceKey).containsExactly("src");
        for (int i = 0; i < 6; i++) {
            if (!("a" + i).equals(holder)) {
                assertThat(claims.heldBy("a" + i)).isEmpty();
            }
        }
    }

    @Test
    void replaceReleaseAndResetAreConditionalOnWhoHoldsTheSource() {
        assertThat(claims.claimIfAbsent(claim("one", "a", 1000))).isTrue();
        assertThat(claims.claimIfAbsent(claim("two", "a", 2000))).isTrue();
        assertThat(claims.heldBy("a")).extracting(SourceClaim::sourceKey).containsExactly("one", "two");
        assertThat(claims.replace(claim("one", "a", 999), claim("one", "b", 3000))).as("stale expectation").isFalse();
        assertThat(claims.replace(claim("one", "a", 1000), claim("one", "b", 3000))).isTrue();
        assertThat(claims.bySource("one")).hasValue(claim("one", "b", 3000));
        assertThat(claims.heldBy("a")).extracting(SourceClaim::sourceKey).containsExactly("two");
        assertThat(claims.heldBy("b")).extracting(SourceClaim::sourceKey).containsExactly("one");
        assertThat(claims.release("two", "b")).as("not b's").isFalse();
        assertThat(claims.release("two", "a")).isTrue();
        assertThat(claims.heldBy("a")).isEmpty();
        claims.releaseAll();
        assertThat(claims.bySource("one")).isEmpty();
        assertThat(claims.heldBy("b")).isEmpty();
        assertThat(claims.claimIfAbsent(claim("one", "c", 4000))).isTrue();
    }
}
