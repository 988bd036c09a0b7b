package io.modelregistry.projection.search;

import java.util.List;

public record SearchPage(List<ArtifactSummary> items, long total) {
}
