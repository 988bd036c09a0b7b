package io.modelregistry.rating;

import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.hub.HubLookup;

/** Makes the evidence source of one rating (fresh per rating: look-up budgets and caches are per rating). */
final class EvidenceSources {

    private final HubLookup hub;
    private final GitCloner cloner;
    private final RatedModels rated;
    private final RatingSettings settings;

    EvidenceSources(HubLookup hub, GitCloner cloner, RatedModels rated, RatingSettings settings) {
        this.hub = hub;
        this.cloner = cloner;
        this.rated = rated;
        this.settings = settings;
    }

    EvidenceSource forOneRating() {
        return new HubEvidence(hub, cloner, rated, settings.maxReviewLookups());
    }

    /** For an uploaded model: the registry's own ratings only, never a public hub (see {@link OfflineEvidence}). */
    EvidenceSource forOneRating(boolean uploaded) {
        return uploaded ? new OfflineEvidence(rated) : forOneRating();
    }
}
