package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.rating.RatingScores;
import io.modelregistry.api.rating.SizeScores;
import org.junit.jupiter.api.Test;

class IngestGateTest {

    @Test
    void passesWhenEveryNonLatencyMetricIsAtLeastHalf() {
        var scores = new RatingScores(0.1, 0.5, 0.5, 0.5, 0.5, new SizeScores(0, 0, 0, 0.5), 0.5, 0.5, 0.5, 0.5, -1, 0.5);
        assertThat(IngestGate.findings(scores)).isEmpty(); // net_score is not gated, reviewedness -1 is n/a
    }

    @Test
    void namesEveryFailingMetricWithItsValue() {
        var scores = new RatingScores(0.9, 0.2, 1, 1, 0, new SizeScores(0.1, 0.2, 0.3, 0.4), 1, 1, 1, 1, 0.3, 1);
        assertThat(IngestGate.findings(scores)).containsOnlyKeys("ramp_up_time", "license", "size_score", "reviewedness")
                .containsEntry("size_score", 0.4).containsEntry("license", 0.0);
    }

    @Test
    void policyIsEnforceOrAdvisoryAndNothingElse() {
        assertThat(GatePolicy.parse("enforce")).isEqualTo(GatePolicy.ENFORCE);
        assertThat(GatePolicy.parse(" Advisory ")).isEqualTo(GatePolicy.ADVISORY);
        assertThatThrownBy(() -> GatePolicy.parse("off")).isInstanceOf(IllegalStateException.class)
                .hasMessage("REGISTRY_INGEST_GATE must be 'enforce' or 'advisory', not 'off'.");
        assertThatThrownBy(() -> GatePolicy.parse("")).isInstanceOf(IllegalStateException.class);
    }
}
