package io.modelregistry.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.auth.Permission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every credential-store adapter must do, whatever its backend: a token's uses are counted exactly under
 * concurrency, it stops at its expiry, revocation by user and by reset, and accounts round-trip with their
 * permissions. Subclasses give the stores (fresh for each test).
 */
public abstract class CredentialStoreContract {

    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(10);

    protected abstract AuthTokenStore tokens();

    protected abstract UserAccountStore users();

    private static String fresh() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    private String issue(String user, int maxUses) {
        String hash = fresh();
        tokens().insert(new AuthTokenStore.IssuedToken(hash, user, false, ISSUED, ISSUED.plus(LIFETIME), maxUses));
        return hash;
    }

    @Test
    public void ofTwentyThreadsSpendingOneTokenExactlyItsThousandUsesSucceed() throws Exception {
        String hash = issue("alice", 1000);
        ExecutorService threads = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                results.add(threads.submit((Callable<Integer>) () -> {
                    start.await();
                    int spent = 0;
                    for (int i = 0; i < 60; i++) {
                        spent += tokens().spend(hash, ISSUED.plusSeconds(1)).isPresent() ? 1 : 0;
                    }
                    return spent;
                }));
            }
            start.countDown();
            int spent = 0;
            for (Future<Integer> result : results) {
                spent += result.get(5, TimeUnit.MINUTES);
            }
            assertThat(spent).as("1200 attempts on a 1000-use token").isEqualTo(1000);
        } finally {
            threads.shutdownNow();
        }
        assertThat(tokens().spend(hash, ISSUED.plusSeconds(2))).isEmpty();
    }

    @Test
    public void aTokenWorksUntilTheLastMillisecondOfItsTenHoursAndNotAtTenHours() {
        String hash = issue("bob", 1000);
        assertThat(tokens().spend(hash, ISSUED.plus(LIFETIME).minusMillis(1))).contains("bob");
        assertThat(tokens().spend(hash, ISSUED.plus(LIFETIME))).isEmpty();
        assertThat(tokens().spend(hash, ISSUED.plus(LIFETIME).plusSeconds(1))).isEmpty();
    }

    @Test
    public void revokingAUsersTokensLeavesOtherUsersTokensWorking() {
        String first = issue("carol", 10);
        String second = issue("carol", 10);
        String other = issue("dave", 10);
        assertThat(tokens().revokeAllOf("carol")).isEqualTo(2);
        assertThat(tokens().spend(first, ISSUED)).isEmpty();
        assertThat(tokens().spend(second, ISSUED)).isEmpty();
        assertThat(tokens().spend(other, ISSUED)).contains("dave");
    }

    @Test
    public void aResetRevokesEveryTokenButTheKeptOne() {
        String kept = issue("erin", 10);
        String gone = issue("frank", 10);
        tokens().revokeAllExcept(kept);
        assertThat(tokens().spend(kept, ISSUED)).contains("erin");
        assertThat(tokens().spend(gone, ISSUED)).isEmpty();
        assertThat(tokens().activeCount(ISSUED)).isEqualTo(1);
    }

    @Test
    public void anUnknownTokenIsRefused() {
        assertThat(tokens().spend(fresh(), ISSUED)).isEmpty();
    }

    @Test
    public void accountsRoundTripWithTheirPermissionsAndAreListedByName() {
        users().upsert(new UserAccount("zoe", "$argon2id$x", false, Set.of(Permission.SEARCH), ISSUED));
        users().upsert(new UserAccount("amy", "$argon2id$y", true, Set.of(), ISSUED));
        assertThat(users().find("zoe")).hasValueSatisfying(a -> {
            assertThat(a.permissions()).containsExactly(Permission.SEARCH);
            assertThat(a.admin()).isFalse();
            assertThat(a.passwordHash()).isEqualTo("$argon2id$x");
        });
        assertThat(users().list(0, 10)).extracting(UserAccount::username).containsExactly("amy", "zoe");
        assertThat(users().list(1, 10)).extracting(UserAccount::username).containsExactly("zoe");
        assertThat(users().adminCount()).isEqualTo(1);
        users().upsert(new UserAccount("zoe", "$argon2id$x", false, Permission.all(), ISSUED));
        assertThat(users().find("zoe").orElseThrow().permissions()).containsExactlyInAnyOrderElementsOf(Permission.all());
        assertThat(users().delete("zoe")).isTrue();
        assertThat(users().delete("zoe")).isFalse();
        assertThat(users().find("zoe")).isEmpty();
    }
}
