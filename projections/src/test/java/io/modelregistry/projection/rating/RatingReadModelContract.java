package io.modelregistry.projection.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
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
import io.modelregistry.api.rating.IngestRefusal;
import io.modelregistry.api.rating.RatedModels.RatedModel;
import io.modelregistry.api.rating.RatingReadModelWriter;
import io.modelregistry.api.rating.StoredRating;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every ratings read model adapter must do, embedded or OpenSearch: latest per model and per version, history
 * in order, refusals newest first, replay-safe, tree-score look-ups, reset and delete, every read bounded. Each
 * adapter's test extends this with a fresh, empty store.
 */
abstract class RatingReadModelContract<S extends RatingReadModel & RatingReadModelWriter> {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** An empty store; each test gets its own (or the same one emptied). */
    protected abstract S newStore();

    private RatingProjection projection;
    private S ratings;

    @BeforeEach
    void openStore() {
        ratings = newStore();
        projection = new RatingProjection(ratings);
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
                Map.of(), trigger, Map.of("license", "measured", "dataset_quality", "none"));
    }

    private static StoredRating rating(String id, String version, double net, Instant at) {
        return new StoredRating(id, outcome(net, RatingTrigger.REQUEST, List.of()), "alice", at, version);
    }

    @Test
    void anOutcomeIsReadBackWhole() {
        RatingOutcome outcome = outcome(0.75, RatingTrigger.INGEST, List.of("bus_factor"));
        ratings.recordRating("e1", new StoredRating("1", outcome, "bob", T0, "1.2.3"));
        assertThat(ratings.latest("1")).contains(new StoredRating("1", outcome, "bob", T0, "1.2.3"));
        assertThat(ratings.history("1", 5)).containsExactly(new StoredRating("1", outcome, "bob", T0, "1.2.3"));
    }

    @Test
    void eachVersionKeepsItsLatestAndAnOlderVersionRatedLaterLeavesTheModelsLatestAlone() {
        ratings.recordRating("e1", rating("1", "1.0.0", 0.5, T0));
        ratings.recordRating("e2", rating("1", "2.0.0", 0.6, T0.plusSeconds(1)));
        ratings.recordRating("e3", rating("1", "1.0.0", 0.7, T0.plusSeconds(2)));

        assertThat(ratings.latest("1")).hasValueSatisfying(r -> {
            assertThat(r.version()).isEqualTo("2.0.0");
            assertThat(r.outcome().rating().scores().netScore()).isEqualTo(0.6);
        });
        assertThat(ratings.latest("1", "1.0.0")).hasValueSatisfying(r ->
                assertThat(r.outcome().rating().scores().netScore()).isEqualTo(0.7));
        assertThat(ratings.latest("1", "1.0.0+build.7")).as("build metadata is ignored").isPresent();
        assertThat(ratings.latest("1", "2.0.0")).hasValueSatisfying(r -> assertThat(r.ratedAt()).isEqualTo(T0.plusSeconds(1)));
        assertThat(ratings.latest("1", "3.0.0")).isEmpty();
        assertThat(ratings.latest("2", "1.0.0")).isEmpty();
        assertThat(ratings.history("1", 10)).extracting(StoredRating::version).containsExactly("1.0.0", "2.0.0", "1.0.0");

        ratings.recordRating("e4", rating("1", "3.0.0", 0.8, T0.plusSeconds(3)));
        assertThat(ratings.latest("1")).hasValueSatisfying(r -> assertThat(r.version()).isEqualTo("3.0.0"));
    }

    @Test
    void aRatingWithoutAVersionRatedTheDefaultOne() {
        ratings.recordRating("e1", new StoredRating("1", outcome(0.5, RatingTrigger.INGEST, List.of()), "a", T0));
        assertThat(ratings.latest("1")).hasValueSatisfying(r ->
                assertThat(r.version()).isEqualTo(ArtifactContent.DEFAULT_VERSION));
        assertThat(ratings.latest("1", ArtifactContent.DEFAULT_VERSION)).isPresent();
    }

    @Test
    void historyIsOldestFirstRatingsOfOneInstantInTheOrderRecordedAndBounded() {
        for (int i = 0; i < 30; i++) {
            // pairs rated at the same instant: their order is the order they were recorded in
            ratings.recordRating("e" + (100 - i), rating("1", "1.0.0", i / 100.0, T0.plusSeconds(i / 2)));
        }
        ratings.recordRating("other", rating("2", "1.0.0", 0.9, T0));
        ratings.recordRating("e97", rating("1", "1.0.0", 0.03, T0.plusSeconds(1)));

        List<StoredRating> history = ratings.history("1", 25);
        assertThat(history).hasSize(25);
        assertThat(history).extracting(r -> r.outcome().rating().scores().netScore())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25).mapToObj(i -> i / 100.0).toList());
        assertThat(ratings.history("1", 1000)).as("a replayed event is not recorded twice").hasSize(30);
        assertThat(ratings.history("none", 10)).isEmpty();
    }

    @Test
    void refusalsAreNewestFirstBoundedAndReplaySafe() {
        for (int i = 0; i < 12; i++) {
            ratings.recordRefusal("r" + i, new IngestRefusal("https://huggingface.co/x/m" + i, "m" + i, "refused " + i,
                    outcome(0.1, RatingTrigger.INGEST, List.of()), "alice", T0.plusSeconds(i)));
        }
        ratings.recordRefusal("r11", new IngestRefusal("https://huggingface.co/x/m11", "m11", "refused 11",
                outcome(0.1, RatingTrigger.INGEST, List.of()), "alice", T0.plusSeconds(11)));
        assertThat(ratings.refusals(5)).extracting(IngestRefusal::name).containsExactly("m11", "m10", "m9", "m8", "m7");
        assertThat(ratings.refusals(100)).hasSize(12);
        IngestRefusal first = ratings.refusals(100).get(11);
        assertThat(first.sourceUrl()).isEqualTo("https://huggingface.co/x/m0");
        assertThat(first.message()).isEqualTo("refused 0");
        assertThat(first.refusedBy()).isEqualTo("alice");
        assertThat(first.refusedAt()).isEqualTo(T0);
        assertThat(first.outcome()).isEqualTo(outcome(0.1, RatingTrigger.INGEST, List.of()));
    }

    @Test
    void aLongRefusalMessageIsKeptToItsBound() {
        String message = "x".repeat(10_000);
        ratings.recordRefusal("r", new IngestRefusal("u", "m", message, outcome(0.1, RatingTrigger.INGEST, List.of()),
                "alice", T0));
        String kept = ratings.refusals(1).get(0).message();
        assertThat(kept).startsWith("x".repeat(4000)).hasSizeLessThanOrEqualTo(4001);
    }

    @Test
    void findIsBoundedNewestFirstAndExactNotAPattern() {
        for (int i = 0; i < 5; i++) {
            ratings.recordRating("e" + i, new StoredRating("m" + i, outcome(0.5 + i / 10.0, RatingTrigger.INGEST,
                    List.of()), "a", T0.plusSeconds(i), "1.0.0"));
        }
        assertThat(ratings.find("google-bert/bert-base-uncased", 3)).extracting(RatedModel::artifactId)
                .containsExactly("m4", "m3", "m2");
        assertThat(ratings.find("BERT", 100)).hasSize(5);
        assertThat(ratings.find("  bert  ", 100)).as("surrounding space is ignored").hasSize(5);
        assertThat(ratings.find("ber", 100)).isEmpty();
        assertThat(ratings.find("bert-base-*", 100)).isEmpty();
        assertThat(ratings.find("", 100)).isEmpty();
        assertThat(ratings.find(null, 100)).isEmpty();
        assertThat(ratings.find("b".repeat(513), 100)).isEmpty();
        assertThat(ratings.find("bert", 0)).as("at least one").hasSize(1);
        RatedModel found = ratings.find("bert", 1).get(0);
        assertThat(found).isEqualTo(new RatedModel("m4", "bert", "google-bert/bert-base-uncased", 0.9));

        ratings.deleteFor("m4");
        assertThat(ratings.find("bert", 1)).extracting(RatedModel::artifactId).containsExactly("m3");
    }

    @Test
    void deletingAModelTakesEveryVersionsRatingAndLeavesOthers() {
        ratings.recordRating("e1", rating("1", "1.0.0", 0.5, T0));
        ratings.recordRating("e2", rating("1", "2.0.0", 0.6, T0));
        ratings.recordRating("e3", rating("2", "1.0.0", 0.6, T0));
        ratings.deleteFor("1");
        assertThat(ratings.latest("1", "1.0.0")).isEmpty();
        assertThat(ratings.latest("1", "2.0.0")).isEmpty();
        assertThat(ratings.history("1", 10)).isEmpty();
        assertThat(ratings.latest("2", "1.0.0")).isPresent();
        ratings.deleteFor("never-rated");

        ratings.recordRating("e4", rating("1", "1.0.0", 0.4, T0));
        assertThat(ratings.latest("1")).as("a model registered again under the id starts afresh")
                .hasValueSatisfying(r -> assertThat(r.version()).isEqualTo("1.0.0"));
        assertThat(ratings.history("1", 10)).hasSize(1);
    }
}
