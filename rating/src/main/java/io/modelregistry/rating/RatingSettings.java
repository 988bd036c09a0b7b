package io.modelregistry.rating;

import java.time.Duration;

/**
 * The bounds of a rating, from configuration ({@code registry.rating.*}).
 *
 * @param metricTimeout    how long each metric may run, counted from when it starts
 * @param threads          metrics computed at once, across all ratings (the metric pool)
 * @param cloneTimeout     a clone gives up after this long
 * @param cloneMaxBytes    a clone stops when its pack grows beyond this (or GitHub reports a larger repo)
 * @param blameBudget      reviewedness stops blaming more files after this long
 * @param maxBlameFiles    reviewedness blames at most this many code files
 * @param maxReviewLookups commits per rating whose pull requests are looked up on GitHub (two calls each, cached
 *                         per pull request)
 * @param startTimeout     how long a metric may wait, from the start of its rating, for its shared evidence and
 *                         a free thread before it fails as "timed out waiting to start"
 * @param ioThreads        shared evidence (hub and GitHub look-ups, clones) fetched at once, across all ratings
 */
public record RatingSettings(Duration metricTimeout, int threads, Duration cloneTimeout, long cloneMaxBytes,
                             Duration blameBudget, int maxBlameFiles, int maxReviewLookups, Duration startTimeout,
                             int ioThreads) {

    public static RatingSettings defaults() {
        return new RatingSettings(Duration.ofSeconds(30), 8, Duration.ofSeconds(15), 100L * 1024 * 1024,
                Duration.ofSeconds(10), 300, 60, Duration.ofSeconds(60), 16);
    }
}
