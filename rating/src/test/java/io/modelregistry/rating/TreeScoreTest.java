package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TreeScoreTest {

    private final TreeScore metric = new TreeScore();

    @Test
    void aModelWithoutParentsHasNothingUpstreamToDistrust() {
        assertThat(metric.compute(Subjects.fixture("google-bert/bert-base-uncased").build()).value())
                .isEqualTo(TreeScore.NO_PARENT);
    }

    @Test
    void parentsThatAreNotRatedHereAreNeutral() {
        var value = metric.compute(Subjects.fixture("crangana/trained-gender").build());
        assertThat(value.value()).isEqualTo(TreeScore.UNRATED_PARENTS);
        assertThat(value.reason()).contains("microsoft/resnet-50");
    }

    @Test
    void theMeanNetScoreOfRatedParentsByRepoIdOrLegacyName() {
        var byRepoId = metric.compute(Subjects.fixture("crangana/trained-gender")
                .rated("p1", "resnet-50", "microsoft/resnet-50", 0.8).build());
        assertThat(byRepoId.value()).isEqualTo(0.8);
        // FabianWillner's config names its parent by the legacy id bert-base-uncased
        var byName = metric.compute(Subjects.fixture("FabianWillner/bert-base-uncased-finetuned-squad")
                .rated("p2", "bert-base-uncased", "google-bert/bert-base-uncased", 0.9).build());
        assertThat(byName.value()).isEqualTo(0.9);
        var two = metric.compute(Subjects.model("a/child").readme("---\nbase_model: [x/one, x/two]\n---\n")
                .rated("1", "one", "x/one", 0.4).rated("2", "two", "x/two", 0.8).build());
        assertThat(two.value()).isEqualTo(0.6);
    }

    @Test
    void localPathsAndTheModelItselfAreNotParents() {
        var subject = Subjects.model("org/self").config("{\"_name_or_path\": \"/tmp/checkpoints/run-1\"}")
                .readme("---\nbase_model: org/self\n---\n").build();
        assertThat(TreeScore.declaredParents(subject)).isEmpty();
        var withUrl = Subjects.model("a/b").readme("---\nbase_model: https://huggingface.co/x/parent\n---\n").build();
        assertThat(TreeScore.declaredParents(withUrl)).containsExactly("x/parent");
    }
}
