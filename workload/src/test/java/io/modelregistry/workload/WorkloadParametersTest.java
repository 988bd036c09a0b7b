package io.modelregistry.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A run's parameters are checked where they are made: each bound refuses with a message naming it. */
class WorkloadParametersTest {

    @Test
    void theDefaultsAreTheIssuesFullSizeAgainstTinyLlm() {
        WorkloadParameters defaults = WorkloadParameters.defaults();
        assertThat(defaults.models()).isEqualTo(500);
        assertThat(defaults.clients()).isEqualTo(100);
        assertThat(defaults.sourceUrl()).isEqualTo(WorkloadParameters.TINY_LLM);
        assertThat(defaults.maxDuration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.nginx()).isFalse();
    }

    @Test
    void zeroModelsSeedsNothingAndIsAccepted() {
        assertThat(with(0, 1, 1024, 1024, 1, 1, 1, Duration.ofSeconds(1), "u").models()).isZero();
    }

    @Test
    void eachOutOfBoundsValueIsRefusedNamingWhatIsWrong() {
        Duration second = Duration.ofSeconds(1);
        assertRefused(() -> with(-1, 1, 1024, 1024, 1, 1, 1, second, "u"), "models");
        assertRefused(() -> with(0, 0, 1024, 1024, 1, 1, 1, second, "u"), "seedThreads");
        assertRefused(() -> with(0, 1, 1023, 1024, 1, 1, 1, second, "u"), "model sizes");
        assertRefused(() -> with(0, 1, 2048, 1024, 1, 1, 1, second, "u"), "model sizes");
        assertRefused(() -> with(0, 1, 1024, 1024, 0, 1, 1, second, "u"), "clients");
        assertRefused(() -> with(0, 1, 1024, 1024, 1, 0, 1, second, "u"), "downloadsPerClient");
        assertRefused(() -> with(0, 1, 1024, 1024, 1, 1, 0, second, "u"), "rounds");
        assertRefused(() -> with(0, 1, 1024, 1024, 1, 1, 1, null, "u"), "maxDuration");
        assertRefused(() -> with(0, 1, 1024, 1024, 1, 1, 1, Duration.ZERO, "u"), "maxDuration");
        assertRefused(() -> with(0, 1, 1024, 1024, 1, 1, 1, Duration.ofSeconds(-1), "u"), "maxDuration");
        assertRefused(() -> with(0, 1, 1024, 1024, 1, 1, 1, second, null), "sourceUrl");
        assertRefused(() -> with(0, 1, 1024, 1024, 1, 1, 1, second, " "), "sourceUrl");
        for (String file : new String[] {"../etc/passwd", "/model.safetensors", "a//b", "weights/../../x"}) {
            assertRefused(() -> new WorkloadParameters(0, 1, 1024, 1024, 1, 1, 1, second, "https://x", false, 1, file),
                    "file");
        }
    }

    private static WorkloadParameters with(int models, int seedThreads, long min, long max, int clients,
                                           int downloads, int rounds, Duration bound, String source) {
        return new WorkloadParameters(models, seedThreads, min, max, clients, downloads, rounds, bound, source, false, 1,
                null);
    }

    private static void assertRefused(Runnable make, String names) {
        assertThatThrownBy(make::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(names);
    }
}
