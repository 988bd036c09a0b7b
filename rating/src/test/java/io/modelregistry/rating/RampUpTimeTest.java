package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RampUpTimeTest {

    private final RampUpTime metric = new RampUpTime();

    @Test
    void aCompleteCardWithAUsageExampleIsQuickToStartWith() {
        var bert = metric.compute(Subjects.fixture("google-bert/bert-base-uncased").build());
        assertThat(bert.value()).isBetween(0.8, 1.0);
        assertThat(bert.reason()).contains("usage example");
    }

    @Test
    void aBlankTemplateIsNot() {
        var audience = metric.compute(Subjects.fixture("parvk11/audience_classifier_model").build());
        assertThat(audience.value()).isBetween(0.1, 0.35);
        assertThat(audience.reason()).contains("template placeholders");
    }

    @Test
    void withoutAReadmeOnlyTheLibraryAndConfigCount() {
        var none = metric.compute(Subjects.model("a/b").info("{\"library_name\":\"transformers\"}").config("{}").build());
        assertThat(none.value()).isEqualTo(0.15);
        var nothing = metric.compute(Subjects.model("a/b").build());
        assertThat(nothing.value()).isZero();
        var empty = metric.compute(Subjects.model("a/b").readme("").build());
        assertThat(empty.value()).isEqualTo(0.1); // an empty card leaves no placeholder, nothing else
    }

    @Test
    void aMissingConfigCostsLittle() {
        var withConfig = metric.compute(Subjects.fixture("google-bert/bert-base-uncased").build());
        var withoutConfig = metric.compute(Subjects.fixture("google-bert/bert-base-uncased").config(null).build());
        assertThat(withConfig.value() - withoutConfig.value()).isCloseTo(0.06, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void installStepsAndAUsageSectionCount() {
        String card = "# M\n## Installation\n```\npip install thing\n```\n## Usage\n```python\nfrom transformers import"
                + " pipeline\np = pipeline('x', model='a/b')\n```\n";
        var value = metric.compute(Subjects.model("a/b").readme(card).build());
        assertThat(value.reason()).contains("install steps").contains("a usage section");
    }
}
