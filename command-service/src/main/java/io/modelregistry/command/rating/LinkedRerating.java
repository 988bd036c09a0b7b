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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.SubscribableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rates a model again when an artifact its links name (a dataset, code, a parent model) is registered after it,
 * so its rating, like its lineage and cost, sees the link. The new rating is a {@code ModelRated} with trigger
 * {@link RatingTrigger#LINKED_ARTIFACT} naming the registered artifact, recorded as done by whoever registered it.
 *
 * <p>It listens to the events this node publishes (never a replay, so rebuilding read models rates nothing), and
 * works on one background thread with a bounded queue: a registration never waits for the ratings it causes. It
 * first waits, bounded, until the lineage read model has the new artifact, then asks which models link to it
 * (at most {@value #MAX_MODELS}). Not durable: a node that stops before it is done leaves those models with their
 * old rating until they are rated again (see decision 0092).
 */
final class LinkedRerating implements AutoCloseable {

    static final int MAX_MODELS = 16;
    private static final int MAX_QUEUED = 64;
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(LinkedRerating.class);

    private final RegisteredLinks links;
    private final ArtifactClaims claims;
    private final ModelContents contents;
    private final ArtifactDocumentStore documents;
    private final ModelRatings ratings;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;
    private final ExecutorService worker;
    private final Registration subscription;
    private final AtomicLong lastDropWarning = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));

    LinkedRerating(SubscribableMessageSource<EventMessage<?>> events, RegisteredLinks links, ArtifactClaims claims,
                   ModelContents contents, ArtifactDocumentStore documents, ModelRatings ratings,
                   CommandGateway commands, ReadModelBarrier readModels) {
        this.links = links;
        this.claims = claims;
        this.contents = contents;
        this.documents = documents;
        this.ratings = ratings;
        this.commands = commands;
        this.readModels = readModels;
        this.worker = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(MAX_QUEUED),
                runnable -> {
                    Thread thread = new Thread(runnable, "linked-rerating");
                    thread.setDaemon(true);
                    return thread;
                });
        // without a lineage read model in this process (events == null) nothing can say who links to what
        this.subscription = events == null ? () -> true : events.subscribe(this::published);
    }

    private void published(List<? extends EventMessage<?>> batch) {
        for (EventMessage<?> message : batch) {
            if (message.getPayload() instanceof ArtifactRegistered registered) {
                try {
                    worker.execute(() -> rerateLinking(registered));
                } catch (RejectedExecutionException e) {
                    dropped(registered);
                }
            }
        }
    }

    /** Under a bulk ingest the queue fills: say so once a minute, not once per registration. */
    private void dropped(ArtifactRegistered registered) {
        long now = System.nanoTime();
        long last = lastDropWarning.get();
        if (now - last > TimeUnit.MINUTES.toNanos(1) && lastDropWarning.compareAndSet(last, now)) {
            log.warn("not re-rating the models linking to {} {} (nor to others registered in the next minute): {}"
                    + " registrations already waiting", registered.type().wireName(), registered.artifactId(),
                    MAX_QUEUED);
        }
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
        if (name.isEmpty() || content.isEmpty()) {
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
        subscription.cancel();
        worker.shutdownNow();
    }
}
