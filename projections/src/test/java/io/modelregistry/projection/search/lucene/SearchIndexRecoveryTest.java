package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.projection.search.SearchFeed;
import io.modelregistry.projection.search.SearchProcessingGroup;
import io.modelregistry.projection.search.SearchProjectionDriver;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery against a real tracking event processor: the event store and token store outlive "restarts"
 * (new index object + new Axon configuration), as the H2 database does in the launcher.
 */
class SearchIndexRecoveryTest {

    @TempDir
    Path dataDir;

    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private InMemoryTokenStore tokens = new InMemoryTokenStore();
    private Running running;

    private record Running(SearchIndex index, Configuration axon, SearchIndexRecovery recovery) {
        ArtifactSearch search() {
            return new LuceneArtifactSearch(index, Duration.ofSeconds(5));
        }
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.axon().shutdown();
            running.index().close();
        }
    }

    /** What the launcher does at startup: open the index, run recovery, then start the processors. */
    private Running start() {
        SearchIndex index = new SearchIndex(dataDir);
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> events)
                // as Spring does for the launcher: a handler parameter of a bean's type is that bean
                .registerComponent(ParameterResolverFactory.class, config -> MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(SearchIndexRecoveryTest.class),
                        (executable, parameters, position) -> parameters[position].getType() == GroupMembers.class
                                ? new FixedValueParameterResolver<>(new GroupMembers(config.eventStore())) : null))
                .eventProcessing(processing -> processing
                        .registerTrackingEventProcessor(SearchProcessingGroup.NAME, Configuration::eventStore,
                                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andEventAvailabilityTimeout(50, TimeUnit.MILLISECONDS))
                        .registerTokenStore(SearchProcessingGroup.NAME, config -> tokens)
                        .registerEventHandler(config ->
                                new SearchProjectionDriver(index, SearchFeed.DOCUMENTS).handler()))
                .buildConfiguration();
        running = new Running(index, axon, new SearchIndexRecovery(axon.eventProcessingConfiguration(), index));
        return running;
    }

    private RecoveryPlan.Action recoverAndStart() {
        RecoveryPlan.Action action = running.recovery().recover();
        running.axon().start();
        return action;
    }

    private void publish(Object... payloads) {
        for (Object payload : payloads) {
            running.axon().eventBus().publish(GenericEventMessage.asEventMessage(payload));
        }
    }

    private static ArtifactRegistered registered(String id) {
        return new ArtifactRegistered(id, ArtifactType.MODEL, "name-" + id, SearchFeed.content("readme of " + id),
                SearchFeed.ACTOR, Instant.now());
    }

    private List<String> ids() {
        return running.search().list(List.of(new NameQuery("*", Set.of())), 0, 100).items().stream()
                .map(ArtifactSummary::id).toList();
    }

    private void awaitIds(String... expected) {
        await(() -> ids().equals(List.of(expected)));
        assertThat(ids()).containsExactly(expected);
    }

    /** Waits until the processor has handled the event at {@code position}. */
    private void awaitProcessed(long position) {
        StreamingEventProcessor processor = running.axon().eventProcessingConfiguration()
                .eventProcessor(SearchProcessingGroup.NAME, StreamingEventProcessor.class).orElseThrow();
        await(() -> processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= position));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the processor (its tokens stay), then closes the index cleanly or as a crash would. */
    private void shutDown(boolean crash) throws Exception {
        running.axon().shutdown();
        if (crash) {
            running.index().abandon();
        } else {
            running.index().close();
        }
        running = null;
    }

    @Test
    void cleanRestartNeedsNoReplayEvenAfterEventsTheIndexIgnores() throws Exception {
        start();
        assertThat(recoverAndStart()).isEqualTo(RecoveryPlan.Action.NONE);
        publish(registered("a"), registered("b"), "an event the search index does not index");
        awaitIds("a", "b");
        awaitProcessed(2);
        shutDown(false);

        start();
        assertThat(running.index().atOpen().cleanShutdown()).isTrue();
        assertThat(running.index().atOpen().position()).isEqualTo(2);   // positions 0, 1, 2
        assertThat(recoverAndStart()).isEqualTo(RecoveryPlan.Action.NONE);
        assertThat(ids()).containsExactly("a", "b");
        publish(registered("c"));
        awaitIds("a", "b", "c");
    }

    @Test
    void crashBetweenCommitsIsRepairedByReplay() throws Exception {
        start();
        recoverAndStart();
        publish(registered("a"));
        awaitIds("a");
        running.index().commitIfChanged();   // what the periodic committer would do
        publish(registered("b"), registered("c"));
        awaitIds("a", "b", "c");
        shutDown(true);   // b and c were handled (tokens moved on) but never committed to Lucene

        start();
        assertThat(running.index().atOpen().documents()).isEqualTo(1);
        assertThat(recoverAndStart()).isEqualTo(RecoveryPlan.Action.REPLAY);
        await(() -> ids().size() == 3);   // replayed events skip the handler refresh; reads refresh
        assertThat(ids()).containsExactly("a", "b", "c");
        running.index().commitIfChanged();
        assertThat(running.index().stats().lastAppliedPosition()).isEqualTo(2);
    }

    @Test
    void crashAfterTheLastCommitNeedsNoReplay() throws Exception {
        start();
        recoverAndStart();
        publish(registered("a"), registered("b"));
        awaitIds("a", "b");
        running.index().commitIfChanged();
        shutDown(true);

        start();
        assertThat(running.index().atOpen().cleanShutdown()).isFalse();
        assertThat(recoverAndStart()).isEqualTo(RecoveryPlan.Action.NONE);   // one segment, position == token
        assertThat(ids()).containsExactly("a", "b");
    }

    @Test
    void deletedIndexDirectoryIsRebuilt() throws Exception {
        start();
        recoverAndStart();
        publish(registered("a"), registered("b"));
        awaitIds("a", "b");
        shutDown(false);
        try (Stream<Path> files = Files.walk(dataDir.resolve(SearchIndex.DIRECTORY_NAME))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }

        start();
        assertThat(recoverAndStart()).isEqualTo(RecoveryPlan.Action.REPLAY);
        await(() -> ids().size() == 2);
        assertThat(ids()).containsExactly("a", "b");
    }

    @Test
    void emptyTokenStoreClearsTheIndexBeforeTheProcessorStartsOver() throws Exception {
        start();
        recoverAndStart();
        publish(registered("a"));
        awaitIds("a");
        shutDown(false);
        tokens = new InMemoryTokenStore();   // e.g. the token table was dropped

        start();
        assertThat(recoverAndStart()).isEqualTo(RecoveryPlan.Action.CLEAR_INDEX);
        awaitIds("a");   // the processor starts from the beginning of the stream again
        assertThat(running.index().stats().documents()).isEqualTo(1);
    }

    @Test
    void runningProcessorIsStoppedForTheCheckAndStartedAgain() throws Exception {
        start();
        recoverAndStart();
        publish(registered("a"));
        awaitIds("a");
        shutDown(true);   // nothing committed after open: a is lost

        start();
        running.axon().start();   // started before recovery, unlike under Spring
        StreamingEventProcessor processor = running.axon().eventProcessingConfiguration()
                .eventProcessor(SearchProcessingGroup.NAME, StreamingEventProcessor.class).orElseThrow();
        await(() -> !processor.processingStatus().isEmpty());   // really running: its worker owns the segment
        assertThat(running.recovery().recover()).isEqualTo(RecoveryPlan.Action.REPLAY);
        await(() -> ids().size() == 1);
        assertThat(ids()).containsExactly("a");
        assertThat(processor.isRunning()).isTrue();
    }
}
