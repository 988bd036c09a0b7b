package io.modelregistry.workload;

import java.time.Duration;

/**
 * What one workload run does. Every count and size is bounded by the caller that accepts it from a user (the
 * dashboard's endpoint allows less than the command line).
 *
 * @param models            distinct models to upload before the downloads (0 seeds nothing)
 * @param seedThreads       concurrent uploads while seeding
 * @param minModelBytes     smallest generated package (its weights file, roughly)
 * @param maxModelBytes     largest generated package; sizes are spread log-uniformly in between
 * @param clients           concurrent download clients
 * @param downloadsPerClient downloads of each kind (full package, weights aspect) per client and round
 * @param rounds            repetitions of the download phases (registry, then the baseline, alternating)
 * @param maxDuration       the whole run stops at this bound, whatever it is doing
 * @param sourceUrl         the HuggingFace model ingested and downloaded
 * @param nginx             whether to measure nginx serving the same bytes as the baseline
 * @param seed              for the generated packages, so a run is reproducible
 * @param file              a file of the source model downloaded alone as a third kind, through the
 *                          HuggingFace-compatible route (the only download a redirecting blob store redirects);
 *                          null: only the full package and the weights aspect
 */
public record WorkloadParameters(int models, int seedThreads, long minModelBytes, long maxModelBytes, int clients,
                                 int downloadsPerClient, int rounds, Duration maxDuration, String sourceUrl,
                                 boolean nginx, long seed, String file) {

    public static final String TINY_LLM = "https://huggingface.co/arnir0/Tiny-LLM";

    public WorkloadParameters {
        require(models >= 0, "models must be 0 or more");
        require(seedThreads >= 1, "seedThreads must be 1 or more");
        require(minModelBytes >= 1024 && maxModelBytes >= minModelBytes, "model sizes must be 1 KiB or more, min <= max");
        require(clients >= 1, "clients must be 1 or more");
        require(downloadsPerClient >= 1, "downloadsPerClient must be 1 or more");
        require(rounds >= 1, "rounds must be 1 or more");
        require(maxDuration != null && !maxDuration.isNegative() && !maxDuration.isZero(), "maxDuration must be positive");
        require(sourceUrl != null && !sourceUrl.isBlank(), "sourceUrl is required");
        require(file == null || file.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") && !file.contains(".."),
                "file must be a relative path of the model's files");
    }

    /** The full size: 500 models, 100 clients. */
    public static WorkloadParameters defaults() {
        return new WorkloadParameters(500, 4, 2 * 1024, 2 * 1024 * 1024, 100, 2, 1, Duration.ofMinutes(30),
                TINY_LLM, false, 42, null);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
