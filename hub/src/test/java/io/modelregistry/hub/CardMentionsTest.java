package io.modelregistry.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardMentionsTest {

    @Test
    void namesAfterTrainedOnAndQuotedNamesOnTrainingLinesAreMentions() {
        assertThat(CardMentions.of("ResNet model pre-trained on ImageNet-1k at resolution 224x224.\n"
                + "Fine-tuned on the `fair_face` dataset, evaluated on UTKFace.")).containsExactly("ImageNet-1k",
                "fair_face", "UTKFace");
    }

    @Test
    void englishWordsAfterTrainedOnAndFencedCodeAreNotMentions() {
        assertThat(CardMentions.of("BERT was pretrained on a large corpus of English data.\n"
                + "It was trained on English text.\n```python\nmodel = trained on Secret\n```\n")).isEmpty();
    }

    @Test
    void mentionsAreBoundedInNumberAndLength() {
        StringBuilder card = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            card.append("trained on Set").append(i).append(".\n");
        }
        card.append("trained on ").append("x".repeat(500)).append('\n');
        assertThat(CardMentions.of(card.toString())).hasSize(CardMentions.MAX_MENTIONS)
                .allMatch(name -> name.length() <= CardMentions.MAX_NAME_CHARS);
        assertThat(CardMentions.of("trained on " + "y".repeat(500))).singleElement()
                .satisfies(name -> assertThat(name).hasSize(CardMentions.MAX_NAME_CHARS));
    }
}
