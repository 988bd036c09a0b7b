package io.modelregistry.command.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.rating.ModelRated;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinkedReratingProcessorTest {

    private static final Actor ADMIN = new Actor("admin", true);

    private final EmbeddedEventStore log = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final List<LinkedReratingProcessor> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(LinkedReratingProcessor::close);
        log.shutDown();
    }

    @Test
    void aRegistrationWhoseReRatingWasCutOffByAStopIsReRatedAfterTheRestartAndOnlyOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        LinkedReratingProcessor first = start(registered -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the node stops here, before the re-rating is recorded");
        });
        log.publish(GenericEventMessage.asEventMessage(registration("7")));
        awaitTrue(() -> attempts.get() > 0);
        first.close();

        List<String> rerated = new CopyOnWriteArrayList<>();
        LinkedReratingProcessor second = start(registered -> rerated.add(registered.artifactId()));
        awaitTrue(() -> rerated.contains("7"));
        second.close();

        LinkedReratingProcessor third = start(registered -> rerated.add(registered.artifactId()));
        log.publish(GenericEventMessage.asEventMessage(registration("8")));
        awaitTrue(() -> rerated.contains("8"));
        third.close();
        assertThat(rerated).as("once per registration, none repeated by a restart").containsExactly("7", "8");
    }

    @Test
    void aModelAlreadyReRatedForATriggeringRegistrationIsNotReRatedAgainWhenTheEventComesBack() {
        ModelContents contents = new ModelContents(log);
        String cause = "dataset 7 (imagenet-1k)";
        assertThat(contents.reratedAfter("m1", cause)).isFalse();
        RatingOutcome outcome = new RatingOutcome("org/m1", null, Map.of(), List.of(), false, "p", Map.of(),
                RatingTrigger.LINKED_ARTIFACT).triggeredBy(cause);
        log.publish(new GenericDomainEventMessage<>("model", "m1", 0,
                new ModelRated("m1", outcome, ADMIN, Instant.EPOCH)));
        assertThat(contents.reratedAfter("m1", cause)).isTrue();
        assertThat(contents.reratedAfter("m1", "dataset 8 (imagenet-21k)")).isFalse();
    }

    private LinkedReratingProcessor start(java.util.function.Consumer<ArtifactRegistered> work) {
        LinkedReratingProcessor processor = new LinkedReratingProcessor(log, tokens, null, work);
        started.add(processor);
        processor.start();
        // a first start takes the head as its token: publish only once it has
        try {
            awaitTrue(() -> tokens.fetchSegments(LinkedReratingProcessor.NAME).length > 0);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return processor;
    }

    private static ArtifactRegistered registration(String id) {
        return new ArtifactRegistered(id, ArtifactType.DATASET, "imagenet-1k", null, ADMIN, Instant.EPOCH);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            Thread.sleep(20);
        }
    }
}
