package io.modelregistry.api.rating;

/**
 * Why a model was rated: at registration, after its content was updated, because someone asked, or because an
 * artifact its card links to (a dataset, code, a parent) was registered after it ({@code LINKED_ARTIFACT}; the
 * outcome's {@code triggeredBy} names that artifact).
 */
public enum RatingTrigger {
    INGEST, UPDATE, REQUEST, LINKED_ARTIFACT
}
