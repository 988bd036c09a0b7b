package io.modelregistry.query.confusion;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code registry.confusion.*}: how many artifacts one audit reads (the newest beyond it are left out and the answer
 * says so), how many audit-trail entries per artifact feed its download figures, and the blocking bucket cap.
 */
@Validated
@ConfigurationProperties(prefix = "registry.confusion")
record ConfusionAuditProperties(
        @Min(1) @Max(100_000) @DefaultValue("10000") int maxArtifacts,
        @Min(10) @Max(100_000) @DefaultValue("5000") int maxTrailEntries,
        @Min(2) @Max(1000) @DefaultValue("64") int bucketCap) {
}
