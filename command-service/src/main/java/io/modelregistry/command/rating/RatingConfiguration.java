package io.modelregistry.command.rating;

import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.lineage.RegisteredLinks;
import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.command.artifact.ArtifactClaims;
import io.modelregistry.rating.RegistryLinks;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.modelregistry.command.ingest.HubProperties;
import io.modelregistry.hub.HubLookup;
import io.modelregistry.rating.DemoCodeRunner;
import io.modelregistry.rating.GatePolicy;
import io.modelregistry.rating.GitServer;
import io.modelregistry.rating.ModelRatings;
import io.modelregistry.rating.RatingActivity;
import io.modelregistry.rating.RatingSettings;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rating's wiring (the {@code rating} module itself is plain Java):
 * <ul>
 *   <li>{@code REGISTRY_INGEST_GATE} = {@code enforce} (default) | {@code advisory}; anything else stops start-up;</li>
 *   <li>{@code registry.rating.*} ({@link RatingProperties}): deadlines, pool sizes, clone and blame bounds;</li>
 *   <li>{@code GITHUB_SERVER_URL} (default https://github.com) and {@code GITHUB_TOKEN} for clones.</li>
 * </ul>
 * Two pools serve every rating: metrics compute on {@code rating-metric-N} threads, shared evidence (hub and
 * GitHub look-ups, clones) is fetched on {@code rating-io-N} threads, so a metric never holds a thread while it
 * waits for a fetch. A {@link DemoCodeRunner} bean, if a deployment defines one, replaces the static default.
 * Where the lineage read model runs in the same process ({@link RegisteredLinks}), a model's datasets and code are
 * looked up in the registry before the hubs, and {@link LinkedRerating} rates a model again when one it links to
 * is registered after it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RatingProperties.class, HubProperties.class})
class RatingConfiguration {

    @Bean
    GatePolicy ingestGatePolicy(RatingProperties properties) {
        return GatePolicy.parse(properties.gate());
    }

    @Bean
    RatingSettings ratingSettings(RatingProperties properties) {
        return properties.settings();
    }

    /** Metrics: CPU-light work on evidence already fetched. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService ratingExecutor(RatingSettings settings) {
        return ModelRatings.pool("rating-metric", settings.threads());
    }

    /** Shared evidence: threads that mostly wait on the hubs and git. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService ratingIoExecutor(RatingSettings settings) {
        return ModelRatings.pool("rating-io", settings.ioThreads());
    }

    @Bean
    RatingActivity ratingActivity(Clock clock) {
        return new RatingActivity(clock);
    }

    @Bean
    ModelRatings modelRatings(RatingSettings settings, GatePolicy policy, HubLookup hub,
                              HubProperties hubs, ObjectProvider<RatedModels> rated,
                              ObjectProvider<RegisteredLinks> registered, ModelContents contents,
                              ArtifactDocumentStore documents,
                              ObjectProvider<DemoCodeRunner> runners, RatingActivity activity,
                              ExecutorService ratingExecutor, ExecutorService ratingIoExecutor, EventGateway events,
                              ReadModelBarrier readModels, Clock clock) {
        RegistryLinks registry = new RegistryLinkLookup(registered.getIfAvailable(RegisteredLinks::none), contents,
                documents);
        return ModelRatings.create(settings, policy, hub, GitServer.of(hubs.githubServerUrl(), hubs.githubToken()),
                rated.getIfAvailable(() -> (key, limit) -> List.of()), registry,
                runners.getIfAvailable(DemoCodeRunner::staticCheck), activity, ratingExecutor, ratingIoExecutor,
                new PublishedRefusals(events, readModels), clock);
    }

    /** Re-rates the models that link to an artifact registered after them (only where the lineage read model is). */
    @Bean(destroyMethod = "close")
    LinkedRerating linkedRerating(EventStore eventStore, ObjectProvider<TokenStore> tokens,
                                  ObjectProvider<RegisteredLinks> links, ArtifactClaims claims,
                                  ModelContents contents, ArtifactDocumentStore documents, ModelRatings ratings,
                                  CommandGateway commands, ReadModelBarrier readModels) {
        return new LinkedRerating(links.getIfAvailable() == null ? null : eventStore, tokens.getIfAvailable(),
                // no transaction around a batch: a rating takes seconds and must not hold the token row meanwhile
                null, links.getIfAvailable(RegisteredLinks::none), claims, contents,
                documents, ratings, commands, readModels);
    }

    @Bean
    ModelContents modelContents(EventStore eventStore) {
        return new ModelContents(eventStore);
    }
}
