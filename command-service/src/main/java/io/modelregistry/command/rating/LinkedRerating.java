package io.modelregistry.command.rating;

import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.lineage.RegisteredLinks;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.api.rating.RecordRating;
import io.modelregistry.command.artifact.ArtifactClaims;
import io.modelregistry.rating.ModelRatings;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Rates a model again when an artifact its links name (a dataset, code, a parent model) is registered after it,
 * so its rating, like its lineage and cost, sees the link. The new rating is a {@code ModelRated} with trigger
 * {@link RatingTrigger#LINKED_ARTIFACT} naming the registered artifact, recorded as done by whoever registered it.
 *
 * <p>It runs on its own tracking processor ({@link LinkedReratingProcessor}): durable, at least once, begun at
 * the head of the log (never a replay of history), and a registration never waits for the ratings it causes. It
 * first waits, bounded, until the lineage read model has the new artifact, then asks which models link to it
 * (at most {@value #MAX_MODELS}). A model whose stream already holds a re-rating naming this artifact is skipped,
 * so a repeated event records nothing twice (see decision 0092).
 */
final class LinkedRerating implements AutoCloseable, SmartLifecycle {

    static final int MAX_MODELS = 16;
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(LinkedRerating.class);

    private final RegisteredLinks links;
    private final ArtifactClaims claims;
    private final ModelContents contents;
    private final ArtifactDocumentStore documents;
    private final ModelRatings ratings;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;
    private final LinkedReratingProcessor processor;

    LinkedRerating(StreamableMessageSource<? extends EventMessage<?>> events, TokenStore tokens,
                   TransactionManager transactions, RegisteredLinks links, ArtifactClaims claims,
                   ModelContents contents, ArtifactDocumentStore documents, ModelRatings ratings,
                   CommandGateway commands, ReadModelBarrier readModels) {
        this.links = links;
        this.claims = claims;
        this.contents = contents;
        this.documents = documents;
        this.ratings = ratings;
        this.commands = commands;
        this.readModels = readModels;
        // without a lineage read model in this process (events == null) nothing can say who links to what
        this.processor = events == null || tokens == null ? null
                : new LinkedReratingProcessor(events, tokens, transactions, this::rerateLinking);
    }

    /** After Axon's own lifecycle phase: the command bus and the projections are up before the first re-rating. */
    @Override
    public void start() {
        if (processor != null) {
            processor.start();
        }
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public boolean isRunning() {
        return processor != null && processor.isRunning();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }

    void rerateLinking(ArtifactRegistered registered) {
        try {
            if (!awaitVisible(registered.artifactId())) {
                log.warn("not re-rating the models linking to {} {}: the lineage read model does not show it yet",
                        registered.type().wireName(), registered.artifactId());
                return;
            }
            readModels.awaitCaughtUp();
            String cause = registered.type().wireName() + " " + registered.artifactId() + " (" + registered.name() + ")";
            for (String model : links.modelsLinkingTo(registered.artifactId(), MAX_MODELS)) {
                if (model.equals(registered.artifactId())) {
                    continue;
                }
                rerate(model, cause, registered);
            }
        } catch (RuntimeException e) {
            log.warn("re-rating the models linking to {} {} failed: {}", registered.type().wireName(),
                    registered.artifactId(), e.toString());
        }
    }

    private void rerate(String model, String cause, ArtifactRegistered registered) {
        var name = claims.liveName(model, ArtifactType.MODEL);
        var content = contents.latest(model);
        if (name.isEmpty() || content.isEmpty() || contents.reratedAfter(model, cause)) {
            // a repeated triggering event (a crash after the record, before the token) rates nothing twice
            return;
        }
        RatingOutcome outcome = ratings.rate(model, name.get(), content.get(),
                documents.read(content.get().documents()), RatingTrigger.LINKED_ARTIFACT).triggeredBy(cause);
        commands.sendAndWait(new RecordRating(model, outcome, registered.actor()));
        log.info("re-rated model {} after {} was registered", model, cause);
    }

    private boolean awaitVisible(String artifactId) {
        long until = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (!links.knows(artifactId)) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (processor != null) {
            processor.close();
        }
    }
}
