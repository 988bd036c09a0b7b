package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.rating.DemoCodeRunner.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaticDemoCodeRunnerTest {

    private final StaticDemoCodeRunner runner = new StaticDemoCodeRunner();

    private DemoCodeRunner.Verdict run(String... blocks) {
        return runner.run(new DemoCodeRunner.Request("google-bert/bert-base-uncased", "bert-base-uncased",
                "transformers", Set.of("custom_model"), List.of(blocks)));
    }

    @Test
    void cleanCodeForThisModelRunsAsWritten() {
        var verdict = run("from transformers import BertModel, BertTokenizer\n"
                + "tokenizer = BertTokenizer.from_pretrained('bert-base-uncased')\n"
                + "model = BertModel.from_pretrained(\"google-bert/bert-base-uncased\")\n"
                + "output = model(**tokenizer('hi', return_tensors='pt'))\n");
        assertThat(verdict.outcome()).isEqualTo(Outcome.RUNS);
    }

    @Test
    void doctestPromptsAndOutputAreRepaired() {
        var verdict = run(">>> from transformers import pipeline\n>>> p = pipeline('fill-mask', model='bert-base-uncased')\n"
                + ">>> p(\"Hello [MASK]\")\n[{'sequence': 'hello world', 'score': 0.1}]\n");
        assertThat(verdict.outcome()).isEqualTo(Outcome.RUNS_AFTER_REPAIR);
        assertThat(verdict.detail()).contains("doctest");
    }

    @Test
    void anotherModelIdAndAGpuAreRepaired() {
        var verdict = run("from transformers import AutoModel\nm = AutoModel.from_pretrained('other/model').to('cuda')\n");
        assertThat(verdict.outcome()).isEqualTo(Outcome.RUNS_AFTER_REPAIR);
        assertThat(verdict.detail()).contains("model id 'other/model' replaced").contains("GPU");
        assertThat(run("!pip install transformers\nimport transformers\n").outcome()).isEqualTo(Outcome.RUNS_AFTER_REPAIR);
    }

    @Test
    void placeholdersCannotBeRepaired() {
        assertThat(run("import requests\nrequests.get('x', headers={'Authorization': '<your-token>'})\n").detail())
                .contains("placeholder");
        assertThat(run("import os\nkey = YOUR_API_KEY\n").outcome()).isEqualTo(Outcome.FAILS);
        assertThat(run("import torch\nmodel = load(...)\n").outcome()).isEqualTo(Outcome.FAILS);
        assertThat(run("import torch\nx = 1\n...\n").outcome()).isEqualTo(Outcome.FAILS);
        assertThat(run("from PIL import Image\nImage.open('path/to/image.png')\n").outcome()).isEqualTo(Outcome.FAILS);
    }

    @Test
    void importsMustBeResolvableForTheLibrary() {
        assertThat(run("import my_private_helpers\n").detail()).contains("my_private_helpers");
        assertThat(run("from .model import X\n").outcome()).isEqualTo(Outcome.FAILS);
        assertThat(run("import custom_model\nimport os, sys as system\nfrom torch.nn import functional\n").outcome())
                .isEqualTo(Outcome.RUNS);
        assertThat(runner.run(new DemoCodeRunner.Request("a/b", "b", "diffusers", Set.of(), List.of("import diffusers\n")))
                .outcome()).isEqualTo(Outcome.RUNS);
    }

    @Test
    void brokenSyntaxFails() {
        assertThat(run("import torch\nx = torch.tensor([1, 2\n").outcome()).isEqualTo(Outcome.FAILS);
        assertThat(run("import torch\nx = 'unterminated\n").outcome()).isEqualTo(Outcome.FAILS);
        assertThat(run("import torch\nx = \"\"\"a\n(multi-line\"\"\"  # ) in a comment\n").outcome()).isEqualTo(Outcome.RUNS);
    }

    @Test
    void theBestBlockDecides() {
        assertThat(run("import nothing_here\n", ">>> import torch\n", "import torch\n").outcome()).isEqualTo(Outcome.RUNS);
        assertThat(runner.run(new DemoCodeRunner.Request("a/b", "b", null, Set.of(), List.of())).outcome())
                .isEqualTo(Outcome.FAILS);
    }
}
