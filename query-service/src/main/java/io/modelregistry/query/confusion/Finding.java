package io.modelregistry.query.confusion;

import java.util.List;

/**
 * One suspected confusion: the suspect, the package it seems to imitate, the category, the score in [0, 1], the
 * evidence in words ({@code reasons}) and in numbers ({@code evidence}).
 */
public record Finding(PackageEntry suspect, PackageEntry target, ConfusionCategory category, double score,
                      String summary, List<String> reasons, Evidence evidence) {

    /**
     * The numbers behind the score: {@code score = min(1, nameScore * ownerFactor * popularityFactor * ageFactor
     * + trafficBonus)}. Target figures are null for a well-known package that is not registered.
     */
    public record Evidence(int editDistance, String suspectSkeleton, String targetSkeleton, long suspectDownloads,
                           long suspectDistinctUsers, Long targetDownloads, Boolean sameOwner, Boolean sameUploader,
                           Boolean suspectRegisteredAfterTarget, String trafficAnomaly, double nameScore,
                           double ownerFactor, double popularityFactor, double ageFactor, double trafficBonus) {
    }
}
