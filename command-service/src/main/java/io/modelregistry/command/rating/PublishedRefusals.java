package io.modelregistry.command.rating;

import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.rating.ModelIngestRefused;
import io.modelregistry.rating.IngestRefusals;
import org.axonframework.eventhandling.gateway.EventGateway;

/**
 * The ingest gate's refusals as events: published, then waited for until every read model has it, so
 * {@code GET /ingest/refusals} lists the refusal by the time the client reads its 424.
 */
final class PublishedRefusals implements IngestRefusals {

    private final EventGateway events;
    private final ReadModelBarrier readModels;

    PublishedRefusals(EventGateway events, ReadModelBarrier readModels) {
        this.events = events;
        this.readModels = readModels;
    }

    @Override
    public void record(ModelIngestRefused refused) {
        events.publish(refused);
        readModels.awaitCaughtUp();
    }
}
