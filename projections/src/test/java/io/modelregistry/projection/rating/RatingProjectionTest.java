package io.modelregistry.projection.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.rating.ModelIngestRefused;
import io.modelregistry.api.rating.ModelRated;
import io.modelregistry.api.rating.ModelRating;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingScores;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.api.rating.SizeScores;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.projection.rating.jdbc.JdbcRatingReadModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The ratings read model on H2: latest, history in order, replay-safe, tree-score look-ups, reset and delete. */
class RatingProjectionTest {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private RatingProjection projection;
    private RatingReadModel ratings;

    @BeforeEach
    void database() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-ratings.sql")).execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        JdbcRatingReadModel store = new JdbcRatingReadModel(jdbc);
        projection = new RatingProjection(store);
        ratings = store;
    }

    @Test
    void keepsTheLatestRatingAndEveryRatingInOrderAndReplaysIdempotently() {
        projection.on(new ModelRated("1", outcome(0.7, RatingTrigger.INGEST, List.of()), ADMIN, T0), "e1");
        projection.on(new ModelRated("1", outcome(0.9, RatingTrigger.REQUEST, List.of()), ADMIN, T0.plusSeconds(60)), "e2");
        projection.on(new ModelRated("1", outcome(0.9, RatingTrigger.REQUEST, List.of()), ADMIN, T0.plusSeconds(60)), "e2");
        assertThat(ratings.latest("1")).hasValueSatisfying(r -> {
            assertThat(r.outcome().rating().scores().netScore()).isEqualTo(0.9);
            assertThat(r.outcome().rating().latency(io.modelregistry.api.rating.RatingMetric.NET_SCORE)).isEqualTo(1.5);
            assertThat(r.outcome().reasons()).containsEntry("license", "apache-2.0");
            assertThat(r.ratedAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(ratings.history("1", 10)).extracting(r -> r.outcome().trigger())
                .containsExactly(RatingTrigger.INGEST, RatingTrigger.REQUEST);
        assertThat(ratings.latest("2")).isEmpty();
    }

    @Test
    void findsRatedParentsByRepoIdTheirNamePartOrTheirName() {
        projection.on(new ModelRated("1", outcome(0.8, RatingTrigger.INGEST, List.of()), ADMIN, T0), "e1");
        assertThat(ratings.find("Google-BERT/bert-base-uncased", 5)).singleElement()
                .satisfies(m -> assertThat(m.netScore()).isEqualTo(0.8));
        assertThat(ratings.find("bert-base-uncased", 5)).hasSize(1);
        assertThat(ratings.find("bert", 5)).hasSize(1);
        assertThat(ratings.find("bert_%", 5)).isEmpty();
        projection.on(new ModelRated("1", outcome(0, RatingTrigger.REQUEST, List.of("bus_factor")), ADMIN, T0), "e2");
        assertThat(ratings.find("bert", 5)).as("a failed rating is no parent score").isEmpty();
    }

    @Test
    void deleteAndResetClearTheReadModelButNotEachOther() {
        projection.on(new ModelRated("1", outcome(0.8, RatingTrigger.INGEST, List.of()), ADMIN, T0), "e1");
        projection.on(new ModelRated("2", outcome(0.8, RatingTrigger.INGEST, List.of()), ADMIN, T0), "e2");
        projection.on(new ModelIngestRefused("https://huggingface.co/x/y", "y", outcome(0.1, RatingTrigger.INGEST, List.of()),
                "Model not registered", ADMIN, T0), "e3");
        projection.on(new ArtifactDeleted("1", ArtifactType.MODEL, "bert", ADMIN, T0));
        assertThat(ratings.latest("1")).isEmpty();
        assertThat(ratings.history("1", 10)).isEmpty();
        assertThat(ratings.latest("2")).isPresent();
        assertThat(ratings.refusals(10)).singleElement().satisfies(r -> assertThat(r.sourceUrl()).endsWith("x/y"));
        projection.on(new RegistryReset(ADMIN, "hash", T0));
        assertThat(ratings.latest("2")).isEmpty();
        assertThat(ratings.refusals(10)).isEmpty();
    }

    private static RatingOutcome outcome(double net, RatingTrigger trigger, List<String> failed) {
        var scores = new RatingScores(net, 0.9, 0.9, 0.9, 1, new SizeScores(0.3, 0.4, 1, 1), 1, 0.8, 1, 1, -1, 1);
        return new RatingOutcome("google-bert/bert-base-uncased", new ModelRating("bert", "fill-mask", scores,
                Map.of("net_score", 1.5)), Map.of("license", "apache-2.0"), failed, failed.isEmpty(), "enforce",
                Map.of(), trigger);
    }
}
