package io.modelregistry.query.artifact;

import io.modelregistry.api.rating.ContractRating;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rest.ArtifactEnvelope;
import io.modelregistry.projection.rating.StoredRating;

/**
 * The contract's {@code Artifact} plus, for a rated model, an extension property {@code vetting} (the schema
 * allows additional properties; absent for datasets and code): whether the model passed the ingest gate.
 */
record ArtifactView(ArtifactEnvelope.Metadata metadata, ArtifactEnvelope.Data data, Vetting vetting) {

    record Vetting(boolean vetted, String gate_policy, String note) {
        static Vetting of(StoredRating stored) {
            RatingOutcome outcome = stored.outcome();
            return new Vetting(outcome.vetted(), outcome.gatePolicy(), ContractRating.vettingNote(outcome));
        }
    }
}
