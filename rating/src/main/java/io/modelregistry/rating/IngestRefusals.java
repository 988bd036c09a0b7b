package io.modelregistry.rating;

import io.modelregistry.api.rating.ModelIngestRefused;

/**
 * Where the ingest gate records a refusal before it answers 424: the application appends the event and waits
 * for the read models, so the refusal is listed by the time the client sees the answer. A port, so the rating
 * knows no event bus.
 */
@FunctionalInterface
public interface IngestRefusals {

    void record(ModelIngestRefused refused);
}
