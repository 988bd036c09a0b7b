package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeQualityTest {

    private final CodeQuality metric = new CodeQuality();
    private final List<Contributor> five = List.of(new Contributor("a", 1), new Contributor("b", 1),
            new Contributor("c", 1), new Contributor("d", 1), new Contributor("e", 1));

    @Test
    void aWellKeptRepositoryScoresHigh() {
        var files = List.of("README.md", "docs/index.md", "setup.py", "pyproject.toml", ".github/workflows/ci.yml",
                ".pre-commit-config.yaml", "tests/test_model.py", "src/pkg/model.py");
        var subject = Subjects.model("a/b").readme("https://github.com/a/code")
                .repository(Subjects.repo("a/code", "Organization", 5000, "Apache-2.0", five, files)).build();
        assertThat(metric.compute(subject).value()).isEqualTo(1.0);
    }

    @Test
    void structureCountsHalfWhenAListingExists() {
        var subject = Subjects.model("a/b").readme("https://github.com/a/code")
                .repository(Subjects.repo("a/code", "User", 0, null, List.of(), List.of("main.py"))).build();
        var value = metric.compute(subject);
        assertThat(value.value()).isEqualTo(0.15); // not archived 0.2 + description 0.1 = 0.3 metadata, 0 structure
        assertThat(value.reason()).contains("structure 0.00 (1 files)");
    }

    @Test
    void withoutAListingMetadataAloneCounts() {
        var subject = Subjects.model("a/b").readme("https://github.com/a/code")
                .repository(Subjects.repo("a/code", "User", 1000, "MIT", five, null)).build();
        var value = metric.compute(subject);
        assertThat(value.value()).isEqualTo(1.0);
        assertThat(value.reason()).contains("metadata only");
    }

    @Test
    void noCodeNoQuality() {
        assertThat(metric.compute(Subjects.fixture("parvk11/audience_classifier_model").build()).value()).isZero();
        assertThat(metric.compute(Subjects.model("a/b").readme("https://github.com/a/gone").build()).reason())
                .contains("no linked repository is reachable");
    }
}
