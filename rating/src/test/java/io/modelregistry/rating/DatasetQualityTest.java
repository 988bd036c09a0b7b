package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.licence.LicenceCatalogue;
import org.junit.jupiter.api.Test;

class DatasetQualityTest {

    private final DatasetQuality metric = new DatasetQuality(LicenceCatalogue.standard());

    private static final String COMPLETE = "---\nlicense: cc-by-4.0\nlanguage: en\ntask_categories: [qa]\n"
            + "size_categories: [100K<n<1M]\npretty_name: Q\n---\n# Dataset Card\n## Dataset Description\nx\n"
            + "## Dataset Structure\nx\n## Dataset Creation\nx\n## Considerations for Using the Data\nx\n"
            + "## Licensing Information\nx\n## Citation Information\nx\n";

    @Test
    void aCompletePopularLicensedLargeDatasetScoresHigh() {
        var subject = Subjects.model("a/b").readme("---\ndatasets: [squad]\n---\n")
                .dataset(Subjects.dataset("squad", COMPLETE, 100_000, 300)).build();
        assertThat(metric.compute(subject).value()).isGreaterThan(0.95);
    }

    @Test
    void aBareDatasetScoresLowAndTheMeanIsTaken() {
        var subject = Subjects.model("a/b").readme("---\ndatasets: [good, bare]\n---\n")
                .dataset(Subjects.dataset("good", COMPLETE, 100_000, 300))
                .dataset(Subjects.dataset("bare", "", 0, 0)).build();
        var value = metric.compute(subject);
        assertThat(value.value()).isBetween(0.45, 0.55);
        assertThat(value.reason()).contains("good").contains("bare");
    }

    @Test
    void unreachableOrUnnamedDatasetsScoreZero() {
        assertThat(metric.compute(Subjects.model("a/b").readme("---\ndatasets: [gone]\n---\n").build()).value()).isZero();
        assertThat(metric.compute(Subjects.fixture("parvk11/audience_classifier_model").build()).value()).isZero();
    }
}
