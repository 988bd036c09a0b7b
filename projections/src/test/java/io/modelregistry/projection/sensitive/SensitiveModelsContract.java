package io.modelregistry.projection.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.api.sensitive.SensitiveModels;
import io.modelregistry.api.sensitive.SensitiveModelsWriter;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every sensitive-model read model adapter must do, embedded or OpenSearch: no guard for a model never marked, a
 * guard created by the first change of either kind, sensitivity and program changed independently (neither undoes
 * the other), a removed program gone, a redelivered sequence of events leaving the same guard, and deletes of one
 * model or of everything. Each adapter's test extends this with a fresh, empty store.
 */
abstract class SensitiveModelsContract<S extends SensitiveModels & SensitiveModelsWriter> {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.500Z");
    private static final ModelGuard.Program PROGRAM = new ModelGuard.Program("ab".repeat(32), 2_048, "alice",
            T0.plusSeconds(10));

    /** An empty store; each test gets its own (or the same one emptied). */
    protected abstract S newStore();

    protected S guards;

    @BeforeEach
    void openStore() {
        guards = newStore();
    }

    @Test
    void aModelNeverMarkedHasNoGuard() {
        guards.sensitivity("1", true, "alice", T0);
        assertThat(guards.guard("2")).isEmpty();
    }

    @Test
    void markingAModelSensitiveCreatesItsGuardAndUnmarkingKeepsIt() {
        guards.sensitivity("1", true, "alice", T0);
        assertThat(guards.guard("1")).contains(new ModelGuard("1", true, null, "alice", T0));

        guards.sensitivity("1", false, "bob", T0.plusSeconds(1));
        assertThat(guards.guard("1")).contains(new ModelGuard("1", false, null, "bob", T0.plusSeconds(1)));
    }

    @Test
    void aProgramAndTheSensitivityAreChangedIndependently() {
        guards.sensitivity("1", true, "alice", T0);
        guards.program("1", PROGRAM, "carol", T0.plusSeconds(10));
        assertThat(guards.guard("1")).contains(new ModelGuard("1", true, PROGRAM, "carol", T0.plusSeconds(10)));

        guards.sensitivity("1", false, "bob", T0.plusSeconds(20));
        assertThat(guards.guard("1")).as("unmarking keeps the program")
                .contains(new ModelGuard("1", false, PROGRAM, "bob", T0.plusSeconds(20)));
        guards.sensitivity("1", true, "bob", T0.plusSeconds(30));
        assertThat(guards.guard("1")).contains(new ModelGuard("1", true, PROGRAM, "bob", T0.plusSeconds(30)));
    }

    @Test
    void aProgramAttachedToAModelNeverMarkedMakesAGuardThatIsNotSensitive() {
        guards.program("1", PROGRAM, "carol", T0);
        assertThat(guards.guard("1")).contains(new ModelGuard("1", false, PROGRAM, "carol", T0));
    }

    @Test
    void aRemovedProgramIsGoneAndAnotherMayBeAttached() {
        guards.sensitivity("1", true, "alice", T0);
        guards.program("1", PROGRAM, "alice", T0.plusSeconds(1));
        guards.program("1", null, "bob", T0.plusSeconds(2));
        assertThat(guards.guard("1")).contains(new ModelGuard("1", true, null, "bob", T0.plusSeconds(2)));

        ModelGuard.Program next = new ModelGuard.Program("cd".repeat(32), 9, "bob", T0.plusSeconds(3));
        guards.program("1", next, "bob", T0.plusSeconds(3));
        assertThat(guards.guard("1")).contains(new ModelGuard("1", true, next, "bob", T0.plusSeconds(3)));
    }

    @Test
    void aRedeliveredSequenceOfEventsLeavesTheSameGuard() {
        for (int delivery = 0; delivery < 2; delivery++) {
            guards.sensitivity("1", true, "alice", T0);
            guards.program("1", PROGRAM, "alice", T0.plusSeconds(1));
            guards.sensitivity("1", true, "alice", T0.plusSeconds(2));
            guards.program("2", PROGRAM, "bob", T0);
            guards.program("2", null, "bob", T0.plusSeconds(1));
        }
        assertThat(guards.guard("1")).contains(new ModelGuard("1", true, PROGRAM, "alice", T0.plusSeconds(2)));
        assertThat(guards.guard("2")).contains(new ModelGuard("2", false, null, "bob", T0.plusSeconds(1)));
    }

    @Test
    void deletingAModelDropsItsGuardOnly() {
        guards.sensitivity("1", true, "alice", T0);
        guards.program("2", PROGRAM, "alice", T0);
        guards.delete("1");
        guards.delete("1");
        guards.delete("never-marked");
        assertThat(guards.guard("1")).isEmpty();
        assertThat(guards.guard("2")).isPresent();
    }

    @Test
    void deleteAllDropsEveryGuardAndAReplayMarksThemAgain() {
        guards.sensitivity("1", true, "alice", T0);
        guards.program("2", PROGRAM, "alice", T0);
        guards.deleteAll();
        assertThat(guards.guard("1")).isEmpty();
        assertThat(guards.guard("2")).isEmpty();

        guards.sensitivity("1", true, "alice", T0);
        assertThat(guards.guard("1")).contains(new ModelGuard("1", true, null, "alice", T0));
    }
}
