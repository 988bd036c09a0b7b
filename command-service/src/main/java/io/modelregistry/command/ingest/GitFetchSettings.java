package io.modelregistry.command.ingest;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much of a GitHub repository an ingest stores: its files at the ingested commit are fetched with git from
 * {@code GITHUB_SERVER_URL} (one shallow fetch) and stored as blobs, within these bounds.
 *
 * @param maxFiles      files stored per repository ({@code REGISTRY_GIT_MAX_FILES}, default 10000); files beyond
 *                      are listed, not stored
 * @param maxFileBytes  one stored file ({@code REGISTRY_GIT_MAX_FILE_BYTES}, default 256MB); a larger file is
 *                      listed, not stored
 * @param maxTotalBytes all stored files of one repository
 *                      ({@code REGISTRY_GIT_MAX_TOTAL_BYTES}, default 1GB): files past it are listed, not stored,
 *                      and a fetch whose pack grows past it is cancelled (the repository is then stored as its
 *                      README and licence only, as when git is not reachable)
 * @param timeout       the fetch and the storing of its files together ({@code REGISTRY_GIT_FETCH_TIMEOUT},
 *                      default 120s)
 */
@Validated
@ConfigurationProperties("registry.packages.git")
record GitFetchSettings(@DefaultValue("10000") int maxFiles,
                        @NotNull @DefaultValue("256MB") DataSize maxFileBytes,
                        @NotNull @DefaultValue("1GB") DataSize maxTotalBytes,
                        @NotNull @DefaultValue("120s") Duration timeout) {

    GitFetchSettings {
        if (maxFiles < 0 || maxFiles > 100_000) {
            throw new IllegalArgumentException("registry.packages.git.max-files must be between 0 and 100000");
        }
        if (maxFileBytes != null && maxFileBytes.isNegative() || maxTotalBytes != null && maxTotalBytes.isNegative()) {
            throw new IllegalArgumentException("registry.packages.git sizes must not be negative");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("registry.packages.git.timeout must be positive");
        }
    }

    static GitFetchSettings defaults() {
        return new GitFetchSettings(10_000, DataSize.ofMegabytes(256), DataSize.ofGigabytes(1), Duration.ofSeconds(120));
    }
}
