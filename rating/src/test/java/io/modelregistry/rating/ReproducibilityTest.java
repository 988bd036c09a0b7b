package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReproducibilityTest {

    private final Reproducibility metric = new Reproducibility(new StaticDemoCodeRunner());

    @Test
    void fixtureCardsRunUnchangedAfterRepairOrNotAtAll() {
        assertThat(metric.compute(Subjects.fixture("google-bert/bert-base-uncased").build()).value()).isEqualTo(1.0);
        assertThat(metric.compute(Subjects.fixture("openai/whisper-tiny").build()).value()).isEqualTo(0.5);
        var audience = metric.compute(Subjects.fixture("parvk11/audience_classifier_model").build());
        assertThat(audience.value()).isZero();
        assertThat(audience.reason()).isEqualTo("no demonstration code in the card");
    }

    @Test
    void onlyPythonDemosAreChecked() {
        var js = metric.compute(Subjects.model("a/b").readme("```js\nimport { pipeline } from '@xenova/transformers';\n```\n")
                .build());
        assertThat(js.value()).isZero();
        assertThat(js.reason()).contains("no Python demonstration code");
    }

    @Test
    void theModelsOwnPythonFilesAreImportable() {
        var card = "```python\nfrom hf_custom import Model\nm = Model()\n```\n";
        assertThat(metric.compute(Subjects.model("a/b").readme(card).build()).value()).isZero();
        assertThat(metric.compute(Subjects.model("a/b").readme(card).file("hf_custom.py", 100).build()).value())
                .isEqualTo(1.0);
    }

    @Test
    void aCustomRunnerReplacesTheStaticOne() {
        Reproducibility custom = new Reproducibility(request -> new DemoCodeRunner.Verdict(
                DemoCodeRunner.Outcome.RUNS_AFTER_REPAIR, "sandbox: ran after pip install"));
        var value = custom.compute(Subjects.fixture("google-bert/bert-base-uncased").build());
        assertThat(value.value()).isEqualTo(0.5);
        assertThat(value.reason()).isEqualTo("sandbox: ran after pip install");
    }
}
