package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the hub says about one dataset a model card names.
 *
 * @param requestedId the id as the card wrote it ({@code bookcorpus})
 * @param id          the canonical id ({@code bookcorpus/bookcorpus}); the requested one when unreachable
 * @param info        the hub's dataset info, or null when the dataset could not be reached
 * @param card        the dataset's card (empty when it has none)
 * @param problem     why it is unreachable, or null
 */
record DatasetEvidence(String requestedId, String id, JsonNode info, ModelCard card, String problem) {

    static DatasetEvidence unreachable(String id, String problem) {
        return new DatasetEvidence(id, id, null, ModelCard.empty(), problem);
    }

    boolean reachable() {
        return info != null;
    }
}
