package io.modelregistry.projection.search.lucene;

import io.modelregistry.projection.search.SearchProcessingGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Makes the search index consistent with the Axon token store at startup, before the event processors run.
 *
 * <p>The index commits about once a second, the token store after every event batch, so a crash can leave the
 * token store ahead: events it records as handled are missing from the index and would never be delivered
 * again. At startup (a lifecycle phase before Axon starts the processors, so nothing races with us) this
 * compares the index's durable position and clean-shutdown flag with the tokens of the processor that runs
 * the {@code search} processing group, and per {@link RecoveryPlan}:
 * <ul>
 *   <li>replays: {@link StreamingEventProcessor#resetTokens()}, which invokes the projection's reset handler
 *       (clearing the index) and makes the processor start again from the beginning of the stream;</li>
 *   <li>clears the index when the token store has no tokens (the processor will start from its initial
 *       token anyway);</li>
 *   <li>or does nothing.</li>
 * </ul>
 * If the processor is already running when asked (not the case under Spring), it is shut down for the check
 * and started again; call it only once the processor has claimed its segments (Axon's tracking processor does
 * not relaunch when shut down while it is still launching). If the processor shares its tokens with other processing groups, a replay replays them
 * too. A subscribing processor has no tokens; then nothing can be recovered and a warning is logged.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class SearchIndexRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRecovery.class);

    private final EventProcessingConfiguration processing;
    private final SearchIndex index;
    private volatile boolean running;

    SearchIndexRecovery(EventProcessingConfiguration processing, SearchIndex index) {
        this.processing = processing;
        this.index = index;
    }

    @Override
    public void start() {
        running = true;
        recover();
    }

    RecoveryPlan.Action recover() {
        Optional<StreamingEventProcessor> found = processing.eventProcessorByProcessingGroup(
                SearchProcessingGroup.NAME, StreamingEventProcessor.class);
        if (found.isEmpty()) {
            log.warn("No streaming event processor runs processing group '{}': the search index cannot be "
                    + "checked against a token store or rebuilt by replay", SearchProcessingGroup.NAME);
            return RecoveryPlan.Action.NONE;
        }
        StreamingEventProcessor processor = found.get();
        boolean wasRunning = processor.isRunning();
        if (wasRunning) {
            processor.shutDown();
        }
        try {
            Optional<List<OptionalLong>> tokens = tokenPositions(processor.getName());
            if (tokens.isEmpty()) {
                return RecoveryPlan.Action.NONE;
            }
            RecoveryPlan.Action action = RecoveryPlan.decide(index.atOpen(), tokens.get());
            log.info("Search index at position {} ({} shutdown), tokens of processor '{}' at {}: {}",
                    index.atOpen().position(), index.atOpen().cleanShutdown() ? "clean" : "unclean",
                    processor.getName(), tokens.get(), action);
            switch (action) {
                case REPLAY -> replay(processor);
                case CLEAR_INDEX -> index.clear();
                case NONE -> { }
            }
            return action;
        } finally {
            if (wasRunning) {
                processor.start();
            }
        }
    }

    private void replay(StreamingEventProcessor processor) {
        if (!processor.supportsReset()) {
            log.error("Processor '{}' does not support reset: the search index may miss events until it is "
                    + "rebuilt", processor.getName());
            return;
        }
        processor.resetTokens();
    }

    /** Token positions per segment, or empty when the token store cannot be read now. */
    private Optional<List<OptionalLong>> tokenPositions(String processorName) {
        TokenStore tokens = processing.tokenStore(processorName);
        TransactionManager transactions = processing.transactionManager(processorName);
        try {
            return Optional.of(transactions.fetchInTransaction(() -> {
                List<OptionalLong> positions = new ArrayList<>();
                for (int segment : tokens.fetchSegments(processorName)) {
                    TrackingToken token = tokens.fetchToken(processorName, segment);
                    positions.add(token == null ? OptionalLong.of(SearchIndex.NO_POSITION) : token.position());
                    tokens.releaseClaim(processorName, segment);
                }
                return positions;
            }));
        } catch (RuntimeException e) {
            log.warn("Cannot read the tokens of processor '{}'; search index recovery skipped", processorName, e);
            return Optional.empty();
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SearchLifecycle.BEFORE_EVENT_PROCESSORS;
    }
}
