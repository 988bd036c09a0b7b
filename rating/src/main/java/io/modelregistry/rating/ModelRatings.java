package io.modelregistry.rating;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.ModelIngestRefused;
import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.hub.HubLookup;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rates models and applies the ingest gate. Registration calls {@link #rateForIngest} after fetching a
 * model and before registering it, and the outcome travels in the registration command itself
 * ({@code RegisterRatedModel}); updates and explicit requests call {@link #rate}.
 */
public class ModelRatings {

    private final RatingEngine engine;
    private final EvidenceSources evidence;
    private final GatePolicy policy;
    private final IngestRefusals refusals;
    private final Clock clock;

    ModelRatings(RatingEngine engine, EvidenceSources evidence, GatePolicy policy, IngestRefusals refusals,
                 Clock clock) {
        this.engine = engine;
        this.evidence = evidence;
        this.policy = policy;
        this.refusals = refusals;
        this.clock = clock;
    }

    /**
     * The rating as the application wires it: the standard metrics on {@code metricPool}, their shared evidence
     * fetched on {@code ioPool} from the configured hubs and git server, refusals recorded through
     * {@code refusals}. The pools are the caller's to size and shut down (see {@link #pool}).
     */
    public static ModelRatings create(RatingSettings settings, GatePolicy policy, HubLookup hub, GitServer gitServer,
                                      RatedModels rated, DemoCodeRunner runner, RatingActivity activity,
                                      ExecutorService metricPool, ExecutorService ioPool, IngestRefusals refusals,
                                      Clock clock) {
        return create(settings, policy, hub, gitServer, rated, RegistryLinks.none(), runner, activity, metricPool,
                ioPool, refusals, clock);
    }

    /** As above, with the model's datasets and code looked up in {@code registry} before the hubs. */
    public static ModelRatings create(RatingSettings settings, GatePolicy policy, HubLookup hub, GitServer gitServer,
                                      RatedModels rated, RegistryLinks registry, DemoCodeRunner runner,
                                      RatingActivity activity, ExecutorService metricPool, ExecutorService ioPool,
                                      IngestRefusals refusals, Clock clock) {
        RatingEngine engine = new RatingEngine(StandardMetrics.of(settings, runner), metricPool, ioPool,
                settings.metricTimeout(), settings.startTimeout(), activity);
        EvidenceSources evidence = new EvidenceSources(hub, new GitCloner(gitServer, settings), rated, settings,
                registry);
        return new ModelRatings(engine, evidence, policy, refusals, clock);
    }

    /**
     * A bounded pool of daemon threads named {@code name-N}: {@code threads} at once, at most 512 tasks waiting
     * (beyond that a metric fails as "saturated" rather than queueing without end); idle threads end.
     */
    public static ExecutorService pool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(512), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    public GatePolicy policy() {
        return policy;
    }

    /**
     * Rates a model that is about to be registered. A public HuggingFace model that fails the gate (or whose
     * rating failed) is refused under {@code enforce}: a {@link ModelIngestRefused} event is recorded and a
     * {@code FAILED_DEPENDENCY} (424) is thrown naming the failing metrics and their values. Otherwise the outcome
     * is returned, to travel in the registration command; under {@code advisory} it says "not vetted".
     */
    public RatingOutcome rateForIngest(String name, String sourceUrl, ArtifactContent content,
                                       ArtifactDocuments documents, Actor actor) {
        RatingOutcome outcome = rate("(new)", name, content, documents, RatingTrigger.INGEST);
        boolean gated = content.source() != null && content.source().kind() == SourceKind.HUGGINGFACE_MODEL;
        if (gated && policy == GatePolicy.ENFORCE && !outcome.vetted()) {
            RegistryException refused = refusal(outcome);
            refusals.record(new ModelIngestRefused(sourceUrl, name, outcome, refused.getMessage(), actor,
                    clock.instant()));
            throw refused;
        }
        return outcome;
    }

    /** Computes a rating and what the gate makes of it; never throws for a metric's failure (it is recorded). */
    public RatingOutcome rate(String artifactId, String name, ArtifactContent content, ArtifactDocuments documents,
                              RatingTrigger trigger) {
        boolean uploaded = content.source() != null && content.source().kind() == SourceKind.UPLOAD;
        try (RatingSubject subject = new RatingSubject(artifactId, name, content, documents,
                evidence.forOneRating(uploaded))) {
            RatingResult result = engine.rate(subject);
            var rating = result.toModelRating();
            Map<String, String> evidence = result.evidence();
            Map<String, Double> findings = result.failed() ? Map.of() : IngestGate.findings(rating.scores(), evidence);
            boolean vetted = !result.failed() && findings.isEmpty();
            return new RatingOutcome(subject.repoId(), rating, result.reasons(), result.failedMetrics(), vetted,
                    policy.wireName(), findings, trigger, evidence, subject.links(), null);
        }
    }

    static RegistryException refusal(RatingOutcome outcome) {
        if (outcome.failed()) {
            return ErrorMessage.RATING_INGEST_REFUSED_RATING_FAILED.exception(String.join(", ", outcome.failedMetrics()));
        }
        String failing = outcome.gateFindings().entrySet().stream()
                .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(", "));
        return ErrorMessage.RATING_INGEST_REFUSED_BELOW_GATE.exception(IngestGate.THRESHOLD, failing);
    }
}
