package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.rating.RatingMetric;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every standard metric on odd inputs: no metric fails, every value stays in range, bounds hold. */
class EdgeCaseCardsTest {

    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(8);
    private static final RatingSettings SETTINGS = RatingSettings.defaults();
    private static final RatingEngine ENGINE = new RatingEngine(StandardMetrics.of(SETTINGS, new StaticDemoCodeRunner()),
            EXECUTOR, SETTINGS.metricTimeout(), new RatingActivity(Clock.systemUTC()));

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    static Stream<Arguments> cards() {
        byte[] broken = "---\nlicense: mit\n---\n# Caf\u00e9 \u00ff\u00fe\n```python\nimport torch\n```\n"
                .getBytes(StandardCharsets.ISO_8859_1); // Latin-1 bytes read as UTF-8: malformed sequences
        return Stream.of(
                Arguments.of("no README", Subjects.model("a/b")),
                Arguments.of("empty README", Subjects.model("a/b").readme("")),
                Arguments.of("front matter only, no licence", Subjects.model("a/b").readme("---\ntags: []\n---\n")),
                Arguments.of("huge README", Subjects.model("a/b").readme("---\nlicense: mit\n---\n"
                        + "| a | 1 |\n|---|---|\n".repeat(20_000) + "https://github.com/x/y ".repeat(10_000)
                        + "```python\n" + "x = (".repeat(50_000) + "\n```\n")),
                Arguments.of("non-UTF-8 bytes", Subjects.model("a/b").readme(new String(broken, StandardCharsets.UTF_8))),
                Arguments.of("missing config.json", Subjects.fixture("google-bert/bert-base-uncased").config(null)),
                Arguments.of("config.json that is not JSON", Subjects.fixture("google-bert/bert-base-uncased").config("{oops")),
                Arguments.of("hub metadata that is not JSON", Subjects.fixture("openai/whisper-tiny").info("<html>")),
                Arguments.of("malformed front matter", Subjects.model("a/b").readme("---\nbase_model: [\n---\ntext")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cards")
    void everyMetricCopes(String what, Subjects subject) {
        long started = System.nanoTime();
        RatingResult result;
        try (RatingSubject s = subject.build()) {
            result = ENGINE.rate(s);
        }
        assertThat(result.failures()).as(what).isEmpty();
        for (RatingMetric metric : RatingMetric.values()) {
            assertThat(result.value(metric)).as(what + " " + metric.wireName())
                    .isBetween(metric == RatingMetric.REVIEWEDNESS ? -1.0 : 0.0, 1.0);
        }
        assertThat((System.nanoTime() - started) / 1e9).as(what + ": bounded work").isLessThan(10.0);
    }
}
