package io.modelregistry.api.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.error.RegistryException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The version query language, case by case: what each form matches and what is refused with a 400. */
class VersionRangeTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # exact
            1.2.3             | 1.2.3          | true
            1.2.3             | 1.2.4          | false
            v1.2.3            | 1.2.3          | true
            V1.2.3            | 1.2.3          | true
            1.2.3+build.7     | 1.2.3          | true
            1.2.3             | 1.2.3+sha.abc  | true
            1.0.0-rc.1        | 1.0.0-rc.1     | true
            1.0.0-rc.1        | 1.0.0          | false
            1.0.0             | 1.0.0-rc.1     | false
            # bounded, inclusive at both ends
            1.2.3-2.1.0       | 1.2.3          | true
            1.2.3-2.1.0       | 2.1.0          | true
            1.2.3-2.1.0       | 1.9.9          | true
            1.2.3-2.1.0       | 1.2.2          | false
            1.2.3-2.1.0       | 2.1.1          | false
            1.2.3 - 2.1.0     | 2.0.0          | true
            v1.2.3-v2.1.0     | 2.0.0          | true
            1.2.3-2.1.0       | 2.0.0-rc.1     | false
            1.0.0-rc.1-2.0.0  | 1.0.0-rc.2     | true
            1.0.0-rc.1-2.0.0  | 1.0.0-beta     | false
            1.0.0-1.0.0       | 1.0.0          | true
            # tilde: patch-level changes
            ~1.2.0            | 1.2.0          | true
            ~1.2.0            | 1.2.9          | true
            ~1.2.0            | 1.3.0          | false
            ~1.2.0            | 1.1.9          | false
            ~v1.2.0           | 1.2.5          | true
            ~1.2.0            | 1.2.5-rc.1     | false
            ~1.2.5-rc.1       | 1.2.5-rc.2     | true
            # caret: changes that keep the left-most non-zero part
            ^1.2.0            | 1.9.0          | true
            ^1.2.0            | 2.0.0          | false
            ^1.2.0            | 1.1.0          | false
            ^0.2.0            | 0.2.9          | true
            ^0.2.0            | 0.3.0          | false
            ^1.2.0            | 1.3.0-rc.1     | false
            ^1.3.0-rc.0       | 1.3.0-rc.1     | true
            ^1.3.0-rc.0       | 1.3.0          | true
            ^v1.0.0           | 1.0.0+build.1  | true
            """)
    void aQueryMatchesExactlyTheVersionsItNames(String query, String version, boolean matches) {
        assertThat(VersionRange.parse(query).matches(SemanticVersions.normalise(version))).isEqualTo(matches);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", " ", "1.2", "1", "latest", "1.2.3.4", "01.2.3", "~1.2", "^", "~", ">=1.0.0",
            "1.0.0 || 2.0.0", "*", "1.x", "2.0.0-1.0.0", "1.0.0 2.0.0", "^1.0.0 || *", "1.2.3-", "-1.2.3"})
    void aMalformedQueryIsABadRequestWithAMessage(String query) {
        assertThatThrownBy(() -> VersionRange.parse(query))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST))
                .hasMessageContaining("is not a version query");
    }

    @Test
    void aQueryLongerThanAnyVersionIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> VersionRange.parse("1." + "1".repeat(400) + ".0"))
                .hasMessageContaining("too long");
    }

    @Test
    void versionsAreNormalisedWithoutTheirPrefix() {
        assertThat(SemanticVersions.normalise("v1.1.0")).isEqualTo("1.1.0");
        assertThat(SemanticVersions.normalise(" 2.0.0-rc.1+b.5 ")).isEqualTo("2.0.0-rc.1+b.5");
        assertThat(SemanticVersions.tryNormalise("2024-03-04")).isEmpty();
        assertThat(SemanticVersions.tryNormalise("v1.0")).isEmpty();
        assertThatThrownBy(() -> SemanticVersions.normalise("main"))
                .hasMessageContaining("'main' is not a semantic version");
    }

    @Test
    void theLatestVersionIsTheHighestByPrecedenceWithPreReleasesBelowTheirRelease() {
        assertThat(SemanticVersions.latest(List.of("1.0.0", "1.10.0", "1.9.0", "2.0.0-rc.1"))).contains("2.0.0-rc.1");
        assertThat(SemanticVersions.latest(List.of("2.0.0", "2.0.0-rc.1", "1.0.0"))).contains("2.0.0");
        assertThat(SemanticVersions.same("1.0.0+a", "1.0.0+b")).isTrue();
    }
}
