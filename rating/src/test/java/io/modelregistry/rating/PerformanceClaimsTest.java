package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerformanceClaimsTest {

    private final PerformanceClaims metric = new PerformanceClaims();

    @Test
    void aResultsTableBenchmarksAndACitationAreStrongEvidence() {
        var bert = metric.compute(Subjects.fixture("google-bert/bert-base-uncased").build());
        assertThat(bert.value()).isEqualTo(0.88);
        assertThat(bert.reason()).contains("a results table").contains("a citation");
    }

    @Test
    void structuredModelIndexResultsCount() {
        var whisper = metric.compute(Subjects.fixture("openai/whisper-tiny").build());
        assertThat(whisper.value()).isEqualTo(0.85);
        assertThat(whisper.reason()).startsWith("model-index results");
        var both = metric.compute(Subjects.model("a/b").readme("---\nmodel-index:\n- name: x\n  results:\n  - metrics:\n"
                + "    - type: accuracy\n      value: 0.9\n---\n## Evaluation\n| task | acc |\n|---|---|\n| x | 90.1 |\n").build());
        assertThat(both.value()).isEqualTo(0.8);
    }

    @Test
    void aBlankTemplateHasOnlyItsSampleCitation() {
        var audience = metric.compute(Subjects.fixture("parvk11/audience_classifier_model").build());
        assertThat(audience.value()).isEqualTo(0.2);
    }

    @Test
    void noCardNoClaims() {
        assertThat(metric.compute(Subjects.model("a/b").build()).value()).isZero();
        assertThat(metric.compute(Subjects.model("a/b").readme("").build()).value()).isZero();
    }

    @Test
    void aTableNeedsNumbers() {
        assertThat(PerformanceClaims.isNumericTable("| a | b |\n|---|---|\n| x | y |\n")).isFalse();
        assertThat(PerformanceClaims.isNumericTable("| a | b |\n|:--:|---|\n| x | 93.5 |\n")).isTrue();
    }
}
