package io.modelregistry.api.search;

import java.util.List;

/** One page of a listing, plus how many artifacts the whole listing holds. */
public record SearchPage(List<ArtifactSummary> items, long total) {
    public SearchPage {
        items = List.copyOf(items);
    }
}
