package io.modelregistry.query.artifact;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code registry.search.page-size} and {@code max-result-window}: how many artifacts one page of
 * {@code POST /artifacts} holds, and how many matches a query may have before it is refused with 413 (the
 * automated client sends no offset, so a first page must hold a few dozen). The window may be as small as the
 * smallest page: a registry (or a test) that wants its refusal after a dozen artifacts can have it.
 */
@Validated
@ConfigurationProperties(prefix = "registry.search")
record ArtifactQueryProperties(
        @Min(10) @Max(1000) @DefaultValue("100") int pageSize,
        @Min(10) @Max(1_000_000) @DefaultValue("10000") int maxResultWindow) {
}
