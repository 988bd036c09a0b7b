package io.modelregistry.projection.search.query;

import static io.modelregistry.projection.search.query.Requirement.allOf;
import static io.modelregistry.projection.search.query.Requirement.any;
import static io.modelregistry.projection.search.query.Requirement.anyOf;
import static io.modelregistry.projection.search.query.Requirement.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PatternParserTest {

    private static Requirement required(String pattern) {
        return PatternParser.parse(pattern).required();
    }

    @Test
    void literalsAndEscapedLiteralsAreRequired() {
        assertThat(required("google-research-bert")).isEqualTo(contains("google-research-bert"));
        assertThat(required("config\\.json")).isEqualTo(contains("config.json"));
        assertThat(required("\\Qa.b*c\\E")).isEqualTo(contains("a.b*c"));
        assertThat(required("^bert$")).isEqualTo(contains("bert"));
        assertThat(required("\\bbert\\b")).isEqualTo(contains("bert"));
        assertThat(required("tab\\there")).isEqualTo(contains("tab\there"));
        assertThat(required("\\x41\\x{42}\\103")).isEqualTo(contains("ABC"));
    }

    @Test
    void anythingThatIsNotALiteralBreaksTheRun() {
        assertThat(required("abc.def")).isEqualTo(allOf(List.of(contains("abc"), contains("def"))));
        assertThat(required("abc\\d+def")).isEqualTo(allOf(List.of(contains("abc"), contains("def"))));
        assertThat(required("abc[a-z]def")).isEqualTo(allOf(List.of(contains("abc"), contains("def"))));
        assertThat(required(".*bookcorpus.*")).isEqualTo(contains("bookcorpus"));
    }

    @Test
    void alternationNeedsOneAlternative() {
        assertThat(required(".*?(audience|bert).*")).isEqualTo(anyOf(List.of(contains("audience"), contains("bert"))));
        assertThat(required("model-(tiny|base)")).isEqualTo(
                anyOf(List.of(contains("model-tiny"), contains("model-base"))));
        assertThat(required("bert|.*")).isEqualTo(any());
        assertThat(required("(|bert)")).isEqualTo(any());
        assertThat(required("abc|x.y")).isEqualTo(
                anyOf(List.of(contains("abc"), allOf(List.of(contains("x"), contains("y"))))));
    }

    @Test
    void smallClassesAndOptionalCharactersBecomeAlternatives() {
        assertThat(required("[Bb]ert")).isEqualTo(anyOf(List.of(contains("Bert"), contains("bert"))));
        assertThat(required("colou?r")).isEqualTo(anyOf(List.of(contains("colour"), contains("color"))));
        assertThat(required("[^B]ert")).isEqualTo(contains("ert"));
        assertThat(required("[a-z]ert")).isEqualTo(contains("ert"));   // too large to expand
    }

    @Test
    void repetitionsKeepOrDropTheirOperandsRequirement() {
        assertThat(required("(bert)+")).isEqualTo(contains("bert"));
        assertThat(required("(bert){2,5}")).isEqualTo(contains("bert"));
        assertThat(required("(bert)*")).isEqualTo(any());
        assertThat(required("(bert){0,3}")).isEqualTo(any());
        assertThat(required("x*bert")).isEqualTo(contains("bert"));
        assertThat(required("berts?")).isEqualTo(anyOf(List.of(contains("berts"), contains("bert"))));
        assertThat(required("bert+")).isEqualTo(allOf(List.of(contains("ber"), contains("t"))));
        // a repetition after \Q..\E or a flag group applies to the last character only
        assertThat(required("\\Qabc\\E?")).isEqualTo(anyOf(List.of(contains("abc"), contains("ab"))));
        assertThat(required("xyzab(?s)*").isSatisfiedBy("xyza")).isTrue();
    }

    @Test
    void caseInsensitivityOrNoLiteralMeansNoRequirement() {
        assertThat(required("(?i)bert")).isEqualTo(any());
        assertThat(required("bert(?i:x)")).isEqualTo(any());
        assertThat(required("(?-i)bert")).isEqualTo(any());
        assertThat(required(".*")).isEqualTo(any());
        assertThat(required("[a-z]+")).isEqualTo(any());
        assertThat(required("(a|aa)*$")).isEqualTo(any());
        assertThat(required("(?s)bert")).isEqualTo(contains("bert"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            ".*bookcorpus.* => bookcorpus",
            ".*?(audience|bert).* => (audience|bert)",
            "a.* => a",
            ".* => ''",
            ".*|x => |x",
            "x|.* => x|",
            "\\.*x => \\.*x",
            "[.*] => [.*]",
            "\\Q.* => \\Q.*",
            "(?s).*x.* => (?s).*x",
            "x.*(?s) => x.*(?s)",
            ".(?s)*x => .(?s)*x",
            ".*+x => .*+x",
    })
    void findEquivalentDropsOuterDotStars(String pattern, String expected) {
        assertThat(PatternParser.parse(pattern).findEquivalent()).isEqualTo(expected);
    }

    @Test
    void measuresNestedRepetitionsAndSize() {
        assertThat(PatternParser.parse("(a{100}){100}").repeatCopies()).isEqualTo(10_000);
        assertThat(PatternParser.parse("a{1000}b{1000}").repeatCopies()).isEqualTo(1000);
        assertThat(PatternParser.parse("a{2,}").repeatCopies()).isEqualTo(2);
        assertThat(PatternParser.parse("(a*)*").repeatCopies()).isEqualTo(1);
        assertThat(PatternParser.parse("(a{100}){100}").programSize()).isGreaterThanOrEqualTo(10_000);
        assertThatThrownBy(() -> PatternParser.parse("(a{1,99999}){1,99999}$"))
                .isInstanceOf(PatternParser.MalformedPatternException.class);
    }

    @Test
    void rejectsWhatRe2Rejects() {
        for (String invalid : List.of("(", ")", "a)", "[a", "*a", "a|*", "{2}", "\\", "\\8", "\\1", "[z-a]",
                "(?P=n)", "(?=a)", "\\x4", "\\x{110000}", "[a-\\d]", "a{1001}", "a{3,2}")) {
            assertThatThrownBy(() -> PatternParser.parse(invalid)).as(invalid)
                    .isInstanceOf(PatternParser.MalformedPatternException.class);
        }
    }

    /** The property the prefilter relies on: a text in which RE2 finds a match satisfies the requirement. */
    @Test
    void requirementNeverRejectsAMatchingTextAndFindEquivalentAgrees() {
        RandomRegex random = new RandomRegex(20251107L);
        int checkedMatches = 0;
        int constrained = 0;
        for (int i = 0; i < 4000; i++) {
            String regex = random.pattern();
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException invalid) {
                continue;
            }
            PatternFacts facts;
            try {
                facts = PatternParser.parse(regex);
            } catch (PatternParser.MalformedPatternException e) {
                fail("RE2/J accepts %s but the parser does not: %s", regex, e.getMessage());
                return;
            }
            Pattern finder = Pattern.compile(facts.findEquivalent());
            if (!(facts.required() instanceof Requirement.Any)) {
                constrained++;
            }
            for (int t = 0; t < 40; t++) {
                String text = random.text(24);
                boolean found = pattern.matcher(text).find();
                assertThat(finder.matcher(text).find()).as("find-equivalent %s of %s on %s", facts.findEquivalent(),
                        regex, text).isEqualTo(found);
                if (found) {
                    checkedMatches++;
                    assertThat(facts.required().isSatisfiedBy(text))
                            .as("requirement %s of %s on %s", facts.required(), regex, text).isTrue();
                }
            }
        }
        assertThat(checkedMatches).isGreaterThan(10_000);
        assertThat(constrained).isGreaterThan(500);
    }
}
