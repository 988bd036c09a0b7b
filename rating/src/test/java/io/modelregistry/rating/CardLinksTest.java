package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.hub.GitHubNames;
import org.junit.jupiter.api.Test;

class CardLinksTest {

    @Test
    void theModelsOwnCodeComesFirstAndFrameworksAreDropped() {
        ModelCard card = ModelCard.parse("Install https://github.com/huggingface/transformers and see "
                + "https://github.com/someone/unrelated, code at https://github.com/google-research/bert/blob/master/x.md "
                + "and https://github.com/google-research/bert.git again; https://github.com/orgs/x.");
        assertThat(CardLinks.repositories(card, "google-bert/bert-base-uncased"))
                .containsExactly("google-research/bert", "someone/unrelated");
    }

    @Test
    void aFrameworkOwnedByTheModelsAuthorIsItsCode() {
        ModelCard card = ModelCard.parse("see https://github.com/huggingface/transformers");
        assertThat(CardLinks.repositories(card, "huggingface/some-model")).containsExactly("huggingface/transformers");
    }

    @Test
    void datasetsFromFrontMatterAndLinksAreBounded() {
        ModelCard card = ModelCard.parse("---\ndatasets:\n- bookcorpus\n- wikipedia\n- 'bad id!'\n---\n"
                + "Evaluated on [x](https://huggingface.co/datasets/librispeech_asr). and "
                + "https://huggingface.co/datasets/a/b and https://huggingface.co/datasets/c/d");
        assertThat(CardLinks.datasets(card)).containsExactly("bookcorpus", "wikipedia", "librispeech_asr", "a/b");
    }

    @Test
    void sharedWordsTieARepositoryToAModel() {
        assertThat(CardLinks.sharesWord("vikhyat/moondream", "vikhyatk/moondream2")).isTrue();
        assertThat(CardLinks.sharesWord("openai/whisper", "openai/whisper-tiny")).isTrue();
        assertThat(CardLinks.sharesWord("someone/base-model", "other/base-model")).isFalse();
    }

    @Test
    void aLinkToAGitHubSitePageNamesNoRepository() {
        for (String page : GitHubNames.NOT_OWNERS) {
            ModelCard card = ModelCard.parse("see https://github.com/" + page + "/something and https://github.com/a/b");
            assertThat(CardLinks.repositories(card, "x/y")).as(page).containsExactly("a/b");
        }
    }
}
