package io.modelregistry.command.ingest;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What an ingest stores of a source's files.
 *
 * @param eagerMaxBytes every listed file up to this size is streamed from the hub into the blob store at ingest,
 *                      weights included, and verified against the listing ({@code REGISTRY_EAGER_MAX_BYTES},
 *                      default 256MB: a small model's weights, not a 7B model's). Larger files are named in the
 *                      package manifest as remote entries and fetched by the first download that needs them
 *                      (pull-through, see {@link HubPullThrough}).
 * @param pullThroughMaxBytes the largest file a download fetches on demand ({@code REGISTRY_PULL_THROUGH_MAX_BYTES},
 *                      default 50GB, HuggingFace's own per-file limit): a bound on what one listing can make the
 *                      store hold. A larger file stays listed only, in no download.
 */
@Validated
@ConfigurationProperties("registry.packages")
record PackageSettings(@NotNull @DefaultValue("256MB") DataSize eagerMaxBytes,
                       @NotNull @DefaultValue("50GB") DataSize pullThroughMaxBytes) {

    PackageSettings {
        if (eagerMaxBytes != null && eagerMaxBytes.isNegative()) {
            throw new IllegalArgumentException("registry.packages.eager-max-bytes must not be negative");
        }
        if (pullThroughMaxBytes != null && pullThroughMaxBytes.isNegative()) {
            throw new IllegalArgumentException("registry.packages.pull-through-max-bytes must not be negative");
        }
    }
}
