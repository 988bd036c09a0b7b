package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.rating.MetricEvidence;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.RatingScores;
import io.modelregistry.api.rating.SizeScores;
import io.modelregistry.licence.LicenceCatalogue;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Every metric keeps "no evidence" apart from "evidence of low quality", with the values docs/ratings.md
 * documents for each; the gate does not refuse on an unknown, and the net score counts one at its reported value, as
 * the course's reference does, but says so.
 */
class UnknownIsNotBadTest {

    private static final LicenceCatalogue LICENCES = LicenceCatalogue.standard();
    private static final String CARD_WITHOUT_CLAIMS_OR_CODE = "# A model\n\nIt classifies text. Nothing else is said.\n";

    private static MetricValue compute(Metric metric, Subjects subject) {
        try (RatingSubject built = subject.build()) {
            return metric.compute(built);
        }
    }

    private static void assertCase(MetricValue value, double expected, MetricEvidence evidence) {
        assertThat(value.evidence()).as(value.reason()).isEqualTo(evidence);
        assertThat(value.value()).as(value.reason()).isEqualTo(expected);
    }

    @Test
    void aMissingLicenceIsTheCoursesZeroAndAnUnrecognisedOneIsOnlyPartlyKnown() {
        var metric = new LicenceScore(LICENCES);
        assertCase(compute(metric, Subjects.model("a/b").readme(CARD_WITHOUT_CLAIMS_OR_CODE)), 0, MetricEvidence.MEASURED);
        assertThat(compute(metric, Subjects.model("a/b").licence("cc-by-nc-4.0")).evidence())
                .isEqualTo(MetricEvidence.MEASURED);
        assertThat(compute(metric, Subjects.model("a/b").licence("my-own-terms-v7")).evidence())
                .isEqualTo(MetricEvidence.PARTIAL);
    }

    @Test
    void claimsAndDemosOfACardNeverSeenAreUnknownWhileACardThatHasNoneScoresZeroMeasured() {
        assertCase(compute(new PerformanceClaims(), Subjects.model("a/b")), 0, MetricEvidence.NONE);
        assertCase(compute(new PerformanceClaims(), Subjects.model("a/b").readme(CARD_WITHOUT_CLAIMS_OR_CODE)), 0,
                MetricEvidence.MEASURED);
        var runner = new Reproducibility(new StaticDemoCodeRunner());
        assertCase(compute(runner, Subjects.model("a/b")), 0, MetricEvidence.NONE);
        assertCase(compute(runner, Subjects.model("a/b").readme(CARD_WITHOUT_CLAIMS_OR_CODE)), 0, MetricEvidence.MEASURED);
        assertCase(compute(runner, Subjects.model("a/b").readme("# x\n```js\nconst m = await pipeline('x');\n```\n")), 0,
                MetricEvidence.NONE);
        assertThat(compute(new RampUpTime(), Subjects.model("a/b")).evidence()).isEqualTo(MetricEvidence.PARTIAL);
        assertThat(compute(new RampUpTime(), Subjects.fixture("parvk11/audience_classifier_model")).evidence())
                .isEqualTo(MetricEvidence.MEASURED);
    }

    @Test
    void theQualityOfDataAndCodeNobodyCouldReachIsUnknownButTheirAbsenceIsMeasured() {
        var quality = new DatasetQuality(LICENCES);
        assertCase(compute(quality, Subjects.model("a/b").readme(CARD_WITHOUT_CLAIMS_OR_CODE)), 0, MetricEvidence.NONE);
        assertCase(compute(quality, Subjects.model("a/b").readme("---\ndatasets: [gone]\n---\n")), 0, MetricEvidence.NONE);
        MetricValue bare = compute(quality, Subjects.model("a/b").readme("---\ndatasets: [bare]\n---\n")
                .dataset(Subjects.dataset("bare", "", 0, 0)));
        assertThat(bare.evidence()).isEqualTo(MetricEvidence.MEASURED);
        assertThat(bare.value()).isLessThan(0.5);
        MetricValue half = compute(quality, Subjects.model("a/b").readme("---\ndatasets: [bare, gone]\n---\n")
                .dataset(Subjects.dataset("bare", "", 0, 0)));
        assertThat(half.evidence()).isEqualTo(MetricEvidence.PARTIAL);
        assertThat(half.reason()).contains("1 named dataset(s) unreachable");

        var code = new CodeQuality();
        assertCase(compute(code, Subjects.model("a/b").readme(CARD_WITHOUT_CLAIMS_OR_CODE)), 0, MetricEvidence.NONE);
        assertCase(compute(code, Subjects.model("a/b").readme("https://github.com/a/gone")), 0, MetricEvidence.NONE);
        MetricValue poor = compute(code, Subjects.model("a/b").readme("https://github.com/a/poor")
                .repository(Subjects.repo("a/poor", "User", 0, null, List.of(), List.of("main.py"))));
        assertThat(poor.evidence()).isEqualTo(MetricEvidence.MEASURED);
        assertThat(poor.value()).isLessThan(0.5);
        assertThat(compute(code, Subjects.model("a/b").readme("https://github.com/a/poor")
                .repository(Subjects.repo("a/poor", "User", 0, null, List.of(), null))).evidence())
                .isEqualTo(MetricEvidence.PARTIAL);

        var availability = new DatasetAndCodeScore();
        assertCase(compute(availability, Subjects.model("a/b").readme(CARD_WITHOUT_CLAIMS_OR_CODE)), 0,
                MetricEvidence.MEASURED);
        assertCase(compute(availability, Subjects.model("a/b").readme("---\ndatasets: [gone]\n---\nhttps://github.com/a/gone")),
                0.5, MetricEvidence.PARTIAL);
    }

    @Test
    void reviewednessSizeTreeAndBusFactorSayWhenTheirInputsWereMissing() {
        assertCase(compute(new Reviewedness(RatingSettings.defaults()), Subjects.model("a/b")), -1, MetricEvidence.NONE);
        assertThat(compute(new SizeScore(), Subjects.model("a/b")).evidence()).isEqualTo(MetricEvidence.NONE);
        assertThat(compute(new SizeScore(), Subjects.model("a/b").file("model.safetensors", 400_000_000)).evidence())
                .isEqualTo(MetricEvidence.MEASURED);
        String child = "---\nbase_model: org/parent\n---\n# child\n";
        assertCase(compute(new TreeScore(), Subjects.model("a/b").readme(child)), 0.5, MetricEvidence.NONE);
        assertCase(compute(new TreeScore(), Subjects.model("a/b").readme(child).rated("p1", "parent", "org/parent", 0.2)),
                0.2, MetricEvidence.MEASURED);
        assertCase(compute(new TreeScore(), Subjects.model("a/b").readme(CARD_WITHOUT_CLAIMS_OR_CODE)), 1,
                MetricEvidence.MEASURED);
        assertThat(compute(new BusFactor(), Subjects.model("a/b")).evidence()).isEqualTo(MetricEvidence.PARTIAL);
        assertThat(compute(new BusFactor(), Subjects.model("a/b").modelHistory(new ModelHistory(Map.of("solo", 3L), 3, null)))
                .evidence()).isEqualTo(MetricEvidence.MEASURED);
    }

    @Test
    void theNetScoreCountsAnUnknownAtItsReportedValueAsTheReferenceDoesButSaysSoAndLeavesOutReviewednessMinusOne() {
        Map<RatingMetric, MetricValue> values = new EnumMap<>(RatingMetric.class);
        NetScore.WEIGHTS.keySet().forEach(m -> values.put(m, MetricValue.of(1, "")));
        values.put(RatingMetric.SIZE_SCORE, new MetricValue(1, new SizeScores(1, 1, 1, 1), ""));
        assertThat(NetScore.combine(values).evidence()).isEqualTo(MetricEvidence.MEASURED);

        values.put(RatingMetric.DATASET_QUALITY, MetricValue.unknown(0, "no dataset named"));
        MetricValue unknown = NetScore.combine(values);
        assertThat(unknown.value()).isEqualTo(0.92);
        assertThat(unknown.evidence()).isEqualTo(MetricEvidence.PARTIAL);
        assertThat(unknown.reason()).contains("counted at their reported value without evidence: dataset_quality");

        values.put(RatingMetric.DATASET_QUALITY, MetricValue.of(0, "a dataset of no quality"));
        assertThat(NetScore.combine(values).value()).isEqualTo(0.92);
        assertThat(NetScore.combine(values).evidence()).isEqualTo(MetricEvidence.MEASURED);

        values.put(RatingMetric.DATASET_QUALITY, MetricValue.of(1, ""));
        values.put(RatingMetric.REVIEWEDNESS, MetricValue.notApplicable("no linked repository"));
        assertThat(NetScore.combine(values).value()).as("-1 is not a score: left out, not averaged").isEqualTo(1.0);
        assertThat(NetScore.combine(values).reason()).contains("reviewedness not applicable");

        NetScore.WEIGHTS.keySet().forEach(m -> values.put(m, MetricValue.unknown(0, "")));
        assertThat(NetScore.combine(values).evidence()).isEqualTo(MetricEvidence.NONE);
    }

    @Test
    void theGateRefusesOnAMeasuredLowValueButNotOnAnUnknown() {
        var scores = new RatingScores(0.9, 1, 1, 1, 1, new SizeScores(1, 1, 1, 1), 1, 0, 0, 1, -1, 0.5);
        assertThat(IngestGate.findings(scores, Map.of("dataset_quality", "none", "code_quality", "none")))
                .isEmpty();
        assertThat(IngestGate.findings(scores, Map.of("dataset_quality", "measured", "code_quality", "partial")))
                .containsOnlyKeys("dataset_quality", "code_quality");
    }

    @Test
    void everyStoredReasonOpensWithItsCaseAndTheEvidenceIsRecordedPerMetric() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            RatingEngine engine = new RatingEngine(StandardMetrics.of(RatingSettings.defaults(), new StaticDemoCodeRunner()),
                    pool, RatingSettings.defaults().metricTimeout(), new RatingActivity(Clock.systemUTC()));
            RatingResult result;
            try (RatingSubject subject = Subjects.fixture("parvk11/audience_classifier_model").build()) {
                result = engine.rate(subject);
            }
            assertThat(result.failures()).isEmpty();
            assertThat(result.evidence()).containsOnlyKeys(java.util.Arrays.stream(RatingMetric.values())
                    .map(RatingMetric::wireName).toList());
            assertThat(result.evidence()).containsEntry("dataset_quality", "none").containsEntry("code_quality", "none")
                    .containsEntry("reviewedness", "none").containsEntry("license", "measured")
                    .containsEntry("net_score", "partial");
            assertThat(result.reasons().get("dataset_quality"))
                    .isEqualTo("no evidence (unknown, not scored as poor): no dataset named");
            assertThat(result.reasons().get("license")).startsWith("measured: no licence declared");
            assertThat(result.reasons().get("bus_factor")).startsWith("partly measured: ");
        } finally {
            pool.shutdownNow();
        }
    }
}
