package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetAndCodeScoreTest {

    private final DatasetAndCodeScore metric = new DatasetAndCodeScore();

    @Test
    void reachableDataAndCodeScoreOne() {
        var subject = Subjects.model("org/bert").readme("---\ndatasets:\n- books\n---\nhttps://github.com/org/bert")
                .dataset(Subjects.dataset("books", "# Books", 10, 1))
                .repository(Subjects.repo("org/bert", "User", 1, "MIT", List.of(), null)).build();
        assertThat(metric.compute(subject).value()).isEqualTo(1.0);
    }

    @Test
    void namedButUnreachableCountsHalf() {
        var subject = Subjects.model("org/bert").readme("---\ndatasets:\n- gone\n---\nhttps://github.com/org/gone").build();
        assertThat(metric.compute(subject).value()).isEqualTo(0.5);
    }

    @Test
    void onlyADescriptionOrExampleCodeCountsAQuarter() {
        var subject = Subjects.model("org/bert").readme("## Training data\n" + "Lots of text. ".repeat(20)
                + "\n```python\nimport torch\n```\n").build();
        assertThat(metric.compute(subject).value()).isEqualTo(0.25);
    }

    @Test
    void nothingNamedIsZero() {
        assertThat(metric.compute(Subjects.fixture("parvk11/audience_classifier_model").build()).value()).isZero();
        assertThat(metric.compute(Subjects.model("a/b").build()).value()).isZero();
    }
}
