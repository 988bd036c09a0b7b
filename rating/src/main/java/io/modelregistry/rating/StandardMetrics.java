package io.modelregistry.rating;

import io.modelregistry.licence.LicenceCatalogue;
import java.util.List;

/** The metrics every rating computes (net_score is combined from them by the engine). */
final class StandardMetrics {

    private StandardMetrics() {
    }

    static List<Metric> of(RatingSettings settings, DemoCodeRunner runner) {
        LicenceCatalogue licences = LicenceCatalogue.standard();
        return List.of(new RampUpTime(), new BusFactor(), new PerformanceClaims(), new LicenceScore(licences),
                new SizeScore(), new DatasetAndCodeScore(), new DatasetQuality(licences), new CodeQuality(),
                new Reproducibility(runner), new Reviewedness(settings), new TreeScore());
    }
}
