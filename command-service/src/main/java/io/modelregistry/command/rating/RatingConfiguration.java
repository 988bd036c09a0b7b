package io.modelregistry.command.rating;

import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.hub.HubLookup;
import io.modelregistry.rating.DemoCodeRunner;
import io.modelregistry.rating.GatePolicy;
import io.modelregistry.rating.GitServer;
import io.modelregistry.rating.ModelRatings;
import io.modelregistry.rating.RatingActivity;
import io.modelregistry.rating.RatingSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The rating's wiring and configuration (the {@code rating} module itself is plain Java):
 * <ul>
 *   <li>{@code REGISTRY_INGEST_GATE} = {@code enforce} (default) | {@code advisory}; anything else stops start-up;</li>
 *   <li>{@code registry.rating.metric-timeout} (default 30s), {@code registry.rating.threads} (8);</li>
 *   <li>{@code registry.rating.clone-timeout} (15s), {@code registry.rating.clone-max-size} (100MB),
 *       {@code registry.rating.blame-budget} (10s), {@code registry.rating.max-blame-files} (300),
 *       {@code registry.rating.max-review-lookups} (60);</li>
 *   <li>{@code GITHUB_SERVER_URL} (default https://github.com) and {@code GITHUB_TOKEN} for clones.</li>
 * </ul>
 * A {@link DemoCodeRunner} bean, if a deployment defines one, replaces the static default.
 */
@Configuration(proxyBeanMethods = false)
class RatingConfiguration {

    @Bean
    GatePolicy ingestGatePolicy(@Value("${REGISTRY_INGEST_GATE:enforce}") String policy) {
        return GatePolicy.parse(policy);
    }

    @Bean
    RatingSettings ratingSettings(@Value("${registry.rating.metric-timeout:30s}") String metricTimeout,
                                  @Value("${registry.rating.threads:8}") int threads,
                                  @Value("${registry.rating.clone-timeout:15s}") String cloneTimeout,
                                  @Value("${registry.rating.clone-max-size:100MB}") String cloneMaxSize,
                                  @Value("${registry.rating.blame-budget:10s}") String blameBudget,
                                  @Value("${registry.rating.max-blame-files:300}") int maxBlameFiles,
                                  @Value("${registry.rating.max-review-lookups:60}") int maxReviewLookups) {
        return new RatingSettings(positive(metricTimeout, "metric-timeout"), Math.max(1, threads),
                positive(cloneTimeout, "clone-timeout"), DataSize.parse(cloneMaxSize).toBytes(),
                positive(blameBudget, "blame-budget"), Math.max(1, maxBlameFiles), Math.max(0, maxReviewLookups));
    }

    private static Duration positive(String value, String name) {
        Duration duration = DurationStyle.detectAndParse(value);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalStateException("registry.rating." + name + " must be positive");
        }
        return duration;
    }

    /** Metrics are CPU-light and wait on I/O; one bounded pool for all ratings, daemon threads. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService ratingExecutor(RatingSettings settings) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(512), runnable -> {
                    Thread thread = new Thread(runnable, "rating-metric-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Bean
    RatingActivity ratingActivity(Clock clock) {
        return new RatingActivity(clock);
    }

    @Bean
    ModelRatings modelRatings(RatingSettings settings, GatePolicy policy, HubLookup hub,
                              @Value("${GITHUB_SERVER_URL:https://github.com}") String gitServerUrl,
                              @Value("${GITHUB_TOKEN:}") String gitToken, ObjectProvider<RatedModels> rated,
                              ObjectProvider<DemoCodeRunner> runners, RatingActivity activity,
                              ExecutorService ratingExecutor, EventGateway events, ReadModelBarrier readModels,
                              Clock clock) {
        return ModelRatings.create(settings, policy, hub, GitServer.of(gitServerUrl, gitToken),
                rated.getIfAvailable(() -> (key, limit) -> List.of()),
                runners.getIfAvailable(DemoCodeRunner::staticCheck), activity, ratingExecutor,
                refused -> {
                    // recorded and visible before the 424 is answered
                    events.publish(refused);
                    readModels.awaitCaughtUp();
                }, clock);
    }

    @Bean
    ModelContents modelContents(EventStore eventStore) {
        return new ModelContents(eventStore);
    }
}
