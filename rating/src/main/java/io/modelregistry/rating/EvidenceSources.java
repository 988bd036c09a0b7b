package io.modelregistry.rating;

import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.hub.HubLookup;

/** Makes the evidence source of one rating (fresh per rating: look-up budgets and caches are per rating). */
final class EvidenceSources {

    private final HubLookup hub;
    private final GitCloner cloner;
    private final RatedModels rated;
    private final RatingSettings settings;
    private final RegistryLinks registry;

    EvidenceSources(HubLookup hub, GitCloner cloner, RatedModels rated, RatingSettings settings,
                    RegistryLinks registry) {
        this.hub = hub;
        this.cloner = cloner;
        this.rated = rated;
        this.settings = settings;
        this.registry = registry;
    }

    EvidenceSources(HubLookup hub, GitCloner cloner, RatedModels rated, RatingSettings settings) {
        this(hub, cloner, rated, settings, RegistryLinks.none());
    }

    /** The registry first, then the hubs (see {@link RegistryFirstEvidence}). */
    EvidenceSource forOneRating() {
        return new RegistryFirstEvidence(new HubEvidence(hub, cloner, rated, settings.maxReviewLookups()), registry);
    }

    /**
     * For an uploaded model: the registry's own artifacts and ratings only, never a public hub (see
     * {@link OfflineEvidence}).
     */
    EvidenceSource forOneRating(boolean uploaded) {
        return uploaded ? new RegistryFirstEvidence(new OfflineEvidence(rated), registry) : forOneRating();
    }
}
