package io.modelregistry.command.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code registry.versions.*}: how many versions one ingest registers.
 *
 * @param maxIngestedTags at most this many semantic-version tags of a HuggingFace repository become versions at
 *                        its ingest, the newest by precedence ({@code REGISTRY_VERSIONS_MAX_INGESTED_TAGS}, default
 *                        5): each is one more fetch of the repository's metadata and files, and one more rating
 */
@Validated
@ConfigurationProperties("registry.versions")
record VersionSettings(@Min(1) @Max(50) @DefaultValue("5") int maxIngestedTags) {
}
