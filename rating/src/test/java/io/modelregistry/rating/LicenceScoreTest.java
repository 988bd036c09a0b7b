package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.licence.LicenceCatalogue;
import org.junit.jupiter.api.Test;

class LicenceScoreTest {

    private final LicenceScore metric = new LicenceScore(LicenceCatalogue.standard());

    @Test
    void permissiveLicencesScoreOneAndNoLicenceZero() {
        assertThat(metric.compute(Subjects.fixture("google-bert/bert-base-uncased").build()).value()).isEqualTo(1.0);
        var none = metric.compute(Subjects.fixture("parvk11/audience_classifier_model").build());
        assertThat(none.value()).isZero();
        assertThat(none.reason()).contains("no licence");
    }

    @Test
    void idsAndAliasesMatchCaseInsensitively() {
        assertThat(score("Apache-2.0")).isEqualTo(1.0);
        assertThat(score("MIT License")).isEqualTo(1.0);
        assertThat(score("license:mit")).isEqualTo(1.0);
        assertThat(score("cc_by_4.0")).isEqualTo(0.9);
        assertThat(score("GPL-3.0-only")).isEqualTo(0.3);
        assertThat(score("cc-by-nc-4.0")).isEqualTo(0.1);
        assertThat(score("gemma")).isEqualTo(0.5);
    }

    @Test
    void anUnknownIdNeedsAReviewAndUnknownMeansNoRights() {
        assertThat(score("some-custom-licence")).isEqualTo(0.3);
        assertThat(score("unknown")).isZero();
        assertThat(score("x".repeat(10_000))).isEqualTo(0.3);
    }

    @Test
    void theCardsFrontMatterAndANamedOtherLicenceAreUsed() {
        assertThat(metric.compute(Subjects.model("a/b").readme("---\nlicense: mit\n---\n").build()).value()).isEqualTo(1.0);
        assertThat(metric.compute(Subjects.model("a/b").licence("other")
                .readme("---\nlicense: other\nlicense_name: llama3\n---\n").build()).value()).isEqualTo(0.5);
    }

    private double score(String id) {
        return metric.compute(Subjects.model("a/b").licence(id).build()).value();
    }
}
