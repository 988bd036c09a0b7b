package io.modelregistry.api.rating;

/** Why a model was rated: at registration, after its content was updated, or because someone asked. */
public enum RatingTrigger {
    INGEST, UPDATE, REQUEST
}
