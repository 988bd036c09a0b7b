package io.modelregistry.command.rating;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.rating.ModelIngestRefused;
import java.time.Instant;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class PublishedRefusalsTest {

    @Test
    void aRefusalIsPublishedAndTheReadModelsHaveItBeforeTheGateAnswers() {
        EventGateway events = mock(EventGateway.class);
        ReadModelBarrier readModels = mock(ReadModelBarrier.class);
        ModelIngestRefused refused = new ModelIngestRefused("https://huggingface.co/a/b", "b", null, "refused",
                new Actor("admin", true), Instant.EPOCH);
        new PublishedRefusals(events, readModels).record(refused);
        InOrder order = inOrder(events, readModels);
        order.verify(events).publish(refused);
        order.verify(readModels).awaitCaughtUp();
    }
}
