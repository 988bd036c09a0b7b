package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class BusFactorTest {

    private final BusFactor metric = new BusFactor();

    @Test
    void effectiveContributorsMeasuresConcentration() {
        assertThat(BusFactor.effectiveContributors(List.of(100L))).isEqualTo(1.0);
        assertThat(BusFactor.effectiveContributors(List.of(10L, 10L, 10L, 10L))).isCloseTo(4.0, offset(1e-9));
        assertThat(BusFactor.effectiveContributors(List.of(162L, 5L, 5L, 4L, 3L, 2L, 1L, 1L))).isCloseTo(1.27, offset(0.01));
        assertThat(BusFactor.effectiveContributors(List.of())).isEqualTo(1.0);
    }

    @Test
    void manyContributorsInAnOrganisationAndABigCommunityScoreHigh() {
        var people = List.of(new Contributor("a", 30), new Contributor("b", 30), new Contributor("c", 30));
        var subject = Subjects.model("org/model").readme("see https://github.com/org/model-code")
                .info("{\"downloads\": 10000000, \"likes\": 1000}")
                .repository(Subjects.repo("org/model-code", "Organization", 10, "MIT", people, null)).build();
        assertThat(metric.compute(subject).value()).isEqualTo(1.0);
    }

    @Test
    void aLoneUploaderWithoutLinksScoresLow() {
        var value = metric.compute(Subjects.fixture("parvk11/audience_classifier_model").build());
        assertThat(value.value()).isLessThan(0.3);
        assertThat(value.reason()).contains("1 contributor").contains("no linked code repository");
    }

    @Test
    void theClonedHistoryIsPreferredToTheContributorList(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var repo = GitFixtures.repository(dir.resolve("org/code.git"));
        repo.commit("alice", "a.py", "x = 1\n");
        repo.commit("bob", "b.py", "y = 2\n");
        repo.commit("carol", "c.py", "z = 3\n");
        GitCloner cloner = new GitCloner(GitServer.of(dir.toUri().toString(), null), RatingSettings.defaults());
        CloneEvidence clone = cloner.clone("org/code", "main", -1);
        assertThat(clone.available()).isTrue();
        try (var subject = Subjects.model("org/model").readme("https://github.com/org/code")
                .repository(Subjects.repo("org/code", "User", 0, null, List.of(new Contributor("alice", 1)), null))
                .clone(clone).build()) {
            var value = metric.compute(subject);
            assertThat(value.reason()).contains("3 contributor(s) (3 from org/code history;");
        }
    }

    @Test
    void theModelRepositorysOwnHistoryAddsItsPeopleAtHalfTheWeightOfTheCode() {
        var people = List.of(new Contributor("a", 1), new Contributor("b", 1), new Contributor("c", 1));
        var subject = Subjects.model("org/model").readme("see https://github.com/org/code")
                .repository(Subjects.repo("org/code", "User", 0, null, people, null))
                .modelHistory(new ModelHistory(java.util.Map.of("x", 2L, "y", 2L), 4, null)).build();
        var value = metric.compute(subject);
        // 5 people; shares 1/6, 1/6, 1/6 (code, half the weight) and 1/4, 1/4 (model): sum of squares
        // 3/36 + 2/16 = 0.2083, effective 4.8 -> 0.35 * 1 + 0.15 * 1 + 0 + 0 = 0.50
        assertThat(value.reason()).contains("5 contributor(s)").contains("2 in the model repository's 4 commits")
                .contains("effective 4.80");
        assertThat(value.value()).isCloseTo(0.50, offset(0.001));
        var withoutHistory = metric.compute(Subjects.model("org/model").readme("see https://github.com/org/code")
                .repository(Subjects.repo("org/code", "User", 0, null, people, null))
                .modelHistory(ModelHistory.unknown("HuggingFace answered 503")).build());
        assertThat(withoutHistory.reason()).contains("3 contributor(s)")
                .contains("model repository history unknown: HuggingFace answered 503");
    }
}
