package io.modelregistry.command.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.claim.SourceClaim;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.command.artifact.jdbc.JdbcSourceClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Duplicate-source claims on the real embedded adapter, each statement auto-committed (no transaction shared
 * with anything), checked against a real Axon event store: concurrency, crashes between claim and append,
 * failed appends, deletes, updates and resets.
 */
class ArtifactClaimsTest {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Duration PENDING = Duration.ofMinutes(1);
    private static final String BERT = "model|HUGGINGFACE_MODEL|google-bert/bert-base-uncased";
    private static final String GPT2 = "model|HUGGINGFACE_MODEL|openai-community/gpt2";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private EmbeddedEventStore log;
    private JdbcSourceClaims store;
    private ArtifactClaims claims;

    @BeforeEach
    void setUp() {
        var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-command.sql")).execute(dataSource);
        store = new JdbcSourceClaims(new JdbcTemplate(dataSource));
        log = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        claims = new ArtifactClaims(store, new ArtifactLog(log), new MovableClock(), new ClaimSettings(PENDING));
    }

    @AfterEach
    void tearDown() {
        log.shutDown();
    }

    @Test
    void exactlyOneOfTwoConcurrentRegistrationsOfTheSameSourceWins() throws Exception {
        for (int round = 0; round < 200; round++) {
            String source = BERT + "-" + round;
            assertThat(winnersOf(source, "a" + round, "b" + round)).as("winners of round %d", round).isEqualTo(1);
            assertThat(store.bySource(source)).isPresent();
        }
    }

    @Test
    void aClaimLeftByACrashBeforeTheAppendIsTakenOverOnceItCanNoLongerBeInFlight() {
        claims.claim("crashed", ArtifactType.MODEL, "bert", BERT);   // the process dies here: no event appended
        assertThatThrownBy(() -> claims.claim("retry", ArtifactType.MODEL, "bert", BERT))
                .isInstanceOf(RegistryException.class).hasMessageContaining("already registered");
        assertThat(claims.isClaimed(ArtifactType.MODEL, bertSource())).isTrue();

        now.set(now.get().plus(PENDING).plusSeconds(1));
        assertThat(claims.isClaimed(ArtifactType.MODEL, bertSource())).isFalse();
        claims.claim("retry", ArtifactType.MODEL, "bert", BERT);
        assertThat(store.bySource(BERT)).map(SourceClaim::artifactId).hasValue("retry");
        assertThat(claims.liveName("crashed", ArtifactType.MODEL)).isEmpty();
    }

    @Test
    void aClaimTheLogBacksIsNeverTakenOverHoweverOld() {
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        append("1", 0, registered("1", "google-bert/bert-base-uncased"));
        now.set(now.get().plus(Duration.ofDays(30)));
        assertThat(claims.isClaimed(ArtifactType.MODEL, bertSource())).isTrue();
        assertThatThrownBy(() -> claims.claim("2", ArtifactType.MODEL, "bert", BERT))
                .isInstanceOf(RegistryException.class);
    }

    @Test
    void anOldSourceAnUpdateLeftClaimedByACrashIsFreedOnceTheClaimIsNoLongerPending() {
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        append("1", 0, registered("1", "google-bert/bert-base-uncased"));
        append("1", 1, updated("1", "openai-community/gpt2"));   // the process died before giving up BERT
        assertThatThrownBy(() -> claims.claim("2", ArtifactType.MODEL, "bert", BERT))
                .isInstanceOf(RegistryException.class);
        now.set(now.get().plus(PENDING).plusSeconds(1));
        claims.claim("2", ArtifactType.MODEL, "bert", BERT);
        assertThat(store.bySource(BERT)).map(SourceClaim::artifactId).hasValue("2");
    }

    @Test
    void aClaimWhoseArtifactTheLogShowsDeletedIsTakenOverAtOnce() {
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        append("1", 0, registered("1", "google-bert/bert-base-uncased"));
        append("1", 1, new ArtifactDeleted("1", ArtifactType.MODEL, "bert", ADMIN, now.get()));
        // the process died after the delete was committed, before the claim was released
        claims.claim("2", ArtifactType.MODEL, "bert", BERT);
        assertThat(store.bySource(BERT)).map(SourceClaim::artifactId).hasValue("2");
    }

    @Test
    void twoRegistrationsRacingForAnAbandonedClaimStillHaveOneWinner() throws Exception {
        store.claimIfAbsent(new SourceClaim(BERT, "crashed", ArtifactType.MODEL, "bert", now.get().minus(PENDING.multipliedBy(2))));
        assertThat(winnersOf(BERT, "a", "b")).isEqualTo(1);
        assertThat(store.bySource(BERT)).map(SourceClaim::artifactId).get().isIn("a", "b");
    }

    @Test
    void aFailedAppendReleasesTheClaimWhenItsUnitOfWorkRollsBack() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        unitOfWork.rollback(new IllegalStateException("append failed"));
        assertThat(store.bySource(BERT)).isEmpty();
        claims.claim("2", ArtifactType.MODEL, "bert", BERT);
        assertThat(store.bySource(BERT)).map(SourceClaim::artifactId).hasValue("2");
    }

    @Test
    void aSecondAttemptAtTheSameRegistrationThatRollsBackLeavesTheFirstAttemptsClaimInPlace() {
        // e.g. one group executed twice at once on two nodes: both claim for the same artifact, one commits
        DefaultUnitOfWork<?> first = DefaultUnitOfWork.startAndGet(null);
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        DefaultUnitOfWork<?> second = DefaultUnitOfWork.startAndGet(null);
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        second.rollback(new IllegalStateException("lost the race on the aggregate"));
        first.commit();
        assertThat(store.bySource(BERT)).map(SourceClaim::artifactId).hasValue("1");
    }

    @Test
    void aDeleteReleasesTheSourceOnlyOnceItIsCommitted() {
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        claims.release("1");
        assertThat(store.bySource(BERT)).isPresent();
        unitOfWork.commit();
        assertThat(store.bySource(BERT)).isEmpty();
        assertThat(claims.liveName("1", ArtifactType.MODEL)).isEmpty();
    }

    @Test
    void anUpdateClaimsItsNewSourceAndGivesUpTheOldOneAfterCommit() {
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        claims.reclaim("1", GPT2);
        assertThat(store.heldBy("1")).extracting(SourceClaim::sourceKey).containsExactlyInAnyOrder(BERT, GPT2);
        unitOfWork.commit();
        assertThat(store.heldBy("1")).extracting(SourceClaim::sourceKey).containsExactly(GPT2);
        assertThat(claims.liveName("1", ArtifactType.MODEL)).hasValue("bert");
    }

    @Test
    void anUpdateToASourceAnotherArtifactHoldsIsAConflictAndKeepsTheOldClaim() {
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        claims.claim("2", ArtifactType.MODEL, "gpt2", GPT2);
        append("2", 0, registered("2", "openai-community/gpt2"));
        assertThatThrownBy(() -> claims.reclaim("1", GPT2)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("Another artifact");
        assertThat(store.heldBy("1")).extracting(SourceClaim::sourceKey).containsExactly(BERT);
    }

    @Test
    void aResetReleasesEverySource() {
        claims.claim("1", ArtifactType.MODEL, "bert", BERT);
        claims.claim("2", ArtifactType.MODEL, "gpt2", GPT2);
        claims.releaseAll();
        assertThat(claims.isClaimed(ArtifactType.MODEL, bertSource())).isFalse();
        assertThat(claims.liveName("2", ArtifactType.MODEL)).isEmpty();
    }

    /** Registers {@code source} for each id at the same moment, one thread each; how many claims succeeded. */
    private int winnersOf(String source, String... ids) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(ids.length);
        try {
            CyclicBarrier start = new CyclicBarrier(ids.length);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (String id : ids) {
                outcomes.add(threads.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    try {
                        claims.claim(id, ArtifactType.MODEL, "bert", source);
                        return true;
                    } catch (RegistryException conflict) {
                        assertThat(conflict.kind()).isEqualTo(RegistryException.Kind.CONFLICT);
                        return false;
                    }
                }));
            }
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            return winners;
        } finally {
            threads.shutdownNow();
        }
    }

    private void append(String id, long sequence, Object event) {
        log.publish(new GenericDomainEventMessage<>("ArtifactAggregate", id, sequence, event));
    }

    private ArtifactRegistered registered(String id, String repoId) {
        String url = "https://huggingface.co/" + repoId;
        var content = new ArtifactContent(url, new SourceRef(SourceKind.HUGGINGFACE_MODEL, repoId, "main", null, url),
                new StoredPackage("a".repeat(64), 1, 1, List.of()), ArtifactDocumentRefs.none(), null, null);
        return new ArtifactRegistered(id, ArtifactType.MODEL, "bert", content, ADMIN, now.get());
    }

    private ArtifactUpdated updated(String id, String repoId) {
        return new ArtifactUpdated(id, ArtifactType.MODEL, "bert", registered(id, repoId).content(), ADMIN, now.get());
    }

    private static SourceRef bertSource() {
        String url = "https://huggingface.co/google-bert/bert-base-uncased";
        return new SourceRef(SourceKind.HUGGINGFACE_MODEL, "google-bert/bert-base-uncased", "main", null, url);
    }

    /** A clock the test moves forward, as time passes between a crash and the next registration. */
    private final class MovableClock extends Clock {
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
            return now.get();
        }
    }
}
