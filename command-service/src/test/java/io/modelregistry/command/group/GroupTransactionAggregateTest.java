package io.modelregistry.command.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.TooManyRequests;
import io.modelregistry.api.group.GroupBegun;
import io.modelregistry.api.group.GroupClosed;
import io.modelregistry.api.group.GroupCommandStaged;
import io.modelregistry.api.group.GroupExecuted;
import io.modelregistry.api.group.GroupFailed;
import io.modelregistry.api.group.GroupOpened;
import io.modelregistry.api.group.GroupState;
import io.modelregistry.api.group.StagedCommand;
import io.modelregistry.api.artifact.ArtifactType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A group transaction's rules, decided from its events alone: ownership, expiry, the result an executed one keeps,
 * and the bound on a user's open transactions. Time is passed in, so expiry is tested without waiting.
 */
class GroupTransactionAggregateTest {

    private static final Instant BEGUN = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant EXPIRES = BEGUN.plus(Duration.ofMinutes(15));

    private static GroupTransactionAggregate begun() {
        GroupTransactionAggregate group = new GroupTransactionAggregate();
        group.on(new GroupBegun("group-1", "alice", EXPIRES, BEGUN));
        return group;
    }

    private static StagedCommand delete(String id) {
        return new StagedCommand(StagedCommand.Kind.DELETE, id, ArtifactType.MODEL, "m" + id, null, null, null,
                null, null);
    }

    @Test
    void anOpenTransactionIsOpenUntilItsExpiryAndExpiredFromThen() {
        GroupTransactionAggregate group = begun();
        assertThat(group.state("alice", EXPIRES.minusMillis(1)).status()).isEqualTo(GroupState.OPEN);
        assertThat(group.state("alice", EXPIRES).status()).isEqualTo(GroupState.EXPIRED);
        assertThat(group.toExecute("alice", EXPIRES.minusMillis(1))).isEmpty();
        assertThatThrownBy(() -> group.toExecute("alice", EXPIRES)).isInstanceOfSatisfying(RegistryException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("expired");
                });
        assertThatThrownBy(() -> group.stage("alice", delete("7"), 20, EXPIRES.plusSeconds(1)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("expired");
    }

    @Test
    void anotherUserIsToldTheTransactionDoesNotExist() {
        GroupTransactionAggregate group = begun();
        for (Runnable call : new Runnable[] {() -> group.state("bob", BEGUN), () -> group.toExecute("bob", BEGUN),
                () -> group.stage("bob", delete("7"), 20, BEGUN),
                () -> group.failed("bob", "CONFLICT", "no", BEGUN)}) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_FOUND));
        }
    }

    @Test
    void aFullTransactionOrASecondCommandForOneArtifactIsRefusedBeforeAnythingIsApplied() {
        GroupTransactionAggregate group = begun();
        group.on(new GroupCommandStaged("group-1", 0, delete("7"), BEGUN));
        assertThatThrownBy(() -> group.stage("alice", delete("8"), 1, BEGUN))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST));
        assertThatThrownBy(() -> group.stage("alice", delete("7"), 20, BEGUN))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.CONFLICT));
        assertThat(group.state("alice", BEGUN).commands()).hasSize(1);
    }

    @Test
    void anExecutedOrRefusedTransactionKeepsItsResultAndTakesNothingMore() {
        GroupTransactionAggregate committed = begun();
        committed.on(new GroupExecuted("group-1", BEGUN));
        assertThat(committed.state("alice", EXPIRES.plusSeconds(60)).status())
                .as("a committed transaction does not expire").isEqualTo(GroupState.COMMITTED);
        assertThatThrownBy(() -> committed.toExecute("alice", BEGUN)).isInstanceOf(RegistryException.class);

        GroupTransactionAggregate refused = begun();
        refused.on(new GroupFailed("group-1", "NOT_FOUND", "Command 0 was refused", BEGUN));
        GroupState state = refused.state("alice", BEGUN);
        assertThat(state.status()).isEqualTo(GroupState.FAILED);
        assertThat(state.failureKind()).isEqualTo("NOT_FOUND");
        assertThat(state.failureMessage()).isEqualTo("Command 0 was refused");
        assertThatThrownBy(() -> refused.stage("alice", delete("7"), 20, BEGUN)).isInstanceOf(RegistryException.class);
    }

    @Test
    void aUserBeyondTheOpenBoundIsToldWhenTheFirstExpiresAndExpiredOnesStopCounting() {
        GroupOwnerAggregate owner = new GroupOwnerAggregate();
        owner.on(new GroupOpened("alice", "group-1", BEGUN.plusSeconds(100)));
        owner.on(new GroupOpened("alice", "group-2", BEGUN.plusSeconds(200)));
        assertThatThrownBy(() -> owner.open("alice", "group-3", BEGUN.plusSeconds(900), 2, BEGUN))
                .isInstanceOfSatisfying(TooManyRequests.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(100));
        owner.on(new GroupClosed("alice", "group-1"));
        assertThatThrownBy(() -> owner.open("alice", "group-3", BEGUN.plusSeconds(900), 1, BEGUN))
                .as("a closed one no longer counts, the open one still does").isInstanceOf(TooManyRequests.class);
        assertThatThrownBy(() -> owner.open("alice", "group-3", BEGUN.plusSeconds(900), 1,
                BEGUN.plusSeconds(199))).isInstanceOf(TooManyRequests.class);
    }
}
