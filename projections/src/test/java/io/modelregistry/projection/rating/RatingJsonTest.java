package io.modelregistry.projection.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.rating.MetricEvidence;
import io.modelregistry.api.rating.RatingMetric;
import org.junit.jupiter.api.Test;

class RatingJsonTest {

    @Test
    void aRatingStoredBeforeEvidenceWasRecordedReadsWithNoEvidenceAndAStoredOneWithIt() {
        String old = "{\"repoId\":\"a/b\",\"rating\":{\"name\":\"b\",\"category\":\"x\",\"scores\":{\"netScore\":0.5},"
                + "\"latencySeconds\":{}},\"reasons\":{\"license\":\"no licence\"},\"failedMetrics\":[],\"vetted\":false,"
                + "\"gatePolicy\":\"advisory\",\"gateFindings\":{},\"trigger\":\"INGEST\"}";
        var before = RatingJson.read(old);
        assertThat(before.evidence()).isEmpty();
        assertThat(before.evidenceOf(RatingMetric.LICENSE)).isEmpty();

        var now = RatingJson.read(old.replace("\"trigger\":\"INGEST\"",
                "\"trigger\":\"INGEST\",\"evidence\":{\"license\":\"measured\",\"dataset_quality\":\"none\"}"));
        assertThat(now.evidenceOf(RatingMetric.DATASET_QUALITY)).contains(MetricEvidence.NONE);
        assertThat(RatingJson.read(RatingJson.write(now))).isEqualTo(now);
    }
}
