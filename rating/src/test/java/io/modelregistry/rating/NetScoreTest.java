package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.SizeScores;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetScoreTest {

    @Test
    void weightsCoverEveryMetricButNetScoreAndSumToOne() {
        assertThat(NetScore.WEIGHTS.keySet()).hasSize(RatingMetric.values().length - 1)
                .doesNotContain(RatingMetric.NET_SCORE);
        assertThat(NetScore.WEIGHTS.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void allOnesIsOneAndReviewednessNotApplicableIsLeftOut() {
        Map<RatingMetric, MetricValue> values = new EnumMap<>(RatingMetric.class);
        NetScore.WEIGHTS.keySet().forEach(m -> values.put(m, MetricValue.of(1, "")));
        values.put(RatingMetric.SIZE_SCORE, new MetricValue(1, new SizeScores(1, 1, 1, 1), ""));
        assertThat(NetScore.combine(values).value()).isEqualTo(1.0);
        values.put(RatingMetric.REVIEWEDNESS, MetricValue.notApplicable("none"));
        assertThat(NetScore.combine(values).value()).isEqualTo(1.0);
        values.put(RatingMetric.REVIEWEDNESS, MetricValue.of(0, ""));
        assertThat(NetScore.combine(values).value()).isEqualTo(0.95);
    }

    @Test
    void sizeCountsByTheMeanOverDevices() {
        Map<RatingMetric, MetricValue> values = new EnumMap<>(RatingMetric.class);
        NetScore.WEIGHTS.keySet().forEach(m -> values.put(m, MetricValue.of(1, "")));
        values.put(RatingMetric.SIZE_SCORE, new MetricValue(1, new SizeScores(0, 0, 1, 1), ""));
        assertThat(NetScore.combine(values).value()).isEqualTo(0.96);
    }
}
