package io.modelregistry.api.rating;

/**
 * The scores of one rating, each in [0, 1] except {@code reviewedness}, which is -1 when it does not apply
 * (no linked GitHub repository, or none that could be examined).
 */
public record RatingScores(double netScore, double rampUpTime, double busFactor, double performanceClaims,
                           double license, SizeScores sizeScore, double datasetAndCodeScore, double datasetQuality,
                           double codeQuality, double reproducibility, double reviewedness, double treeScore) {

    public RatingScores {
        sizeScore = sizeScore == null ? SizeScores.zero() : sizeScore;
    }

    /** The score of a single-valued metric; for {@code size_score} the best device's score. */
    public double of(RatingMetric metric) {
        return switch (metric) {
            case NET_SCORE -> netScore;
            case RAMP_UP_TIME -> rampUpTime;
            case BUS_FACTOR -> busFactor;
            case PERFORMANCE_CLAIMS -> performanceClaims;
            case LICENSE -> license;
            case SIZE_SCORE -> sizeScore.best();
            case DATASET_AND_CODE_SCORE -> datasetAndCodeScore;
            case DATASET_QUALITY -> datasetQuality;
            case CODE_QUALITY -> codeQuality;
            case REPRODUCIBILITY -> reproducibility;
            case REVIEWEDNESS -> reviewedness;
            case TREE_SCORE -> treeScore;
        };
    }
}
