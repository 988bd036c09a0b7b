package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.ModelIngestRefused;
import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.hub.HubLookup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The gate around the engine: refusal under enforce (event + 424), "not vetted" under advisory. */
class ModelRatingsTest {

    private static final ArtifactDocuments AUDIENCE_DOCS =
            Subjects.fixture("parvk11/audience_classifier_model").documents();

    private static final Actor ADMIN = new Actor("admin", true);
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final IngestRefusals refusals = mock(IngestRefusals.class);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private ModelRatings ratings(GatePolicy policy) {
        RatingSettings settings = RatingSettings.defaults();
        RatingEngine engine = new RatingEngine(StandardMetrics.of(settings, new StaticDemoCodeRunner()), executor,
                settings.metricTimeout(), new RatingActivity(Clock.systemUTC()));
        // nothing answers on port 9: every link is unreachable, quickly
        EvidenceSources evidence = new EvidenceSources(HubLookup.create("http://127.0.0.1:9", "http://127.0.0.1:9",
                Duration.ofSeconds(2)), new GitCloner(GitServer.of("http://127.0.0.1:9", null), settings),
                (RatedModels) (k, l) -> List.of(), settings);
        return new ModelRatings(engine, evidence, policy, refusals, Clock.systemUTC());
    }

    @Test
    void enforceRefusesABlankUnlicensedModelWithTheFailingMetricsAndRecordsTheRefusal() {
        ArtifactContent audience = Subjects.fixture("parvk11/audience_classifier_model").content();
        assertThatThrownBy(() -> ratings(GatePolicy.ENFORCE).rateForIngest("audience", "https://huggingface.co/x", audience, AUDIENCE_DOCS, ADMIN))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.FAILED_DEPENDENCY);
                    assertThat(e.getMessage()).contains("license=0.00").contains("ramp_up_time=").doesNotContain("net_score");
                });
        ArgumentCaptor<ModelIngestRefused> event = ArgumentCaptor.forClass(ModelIngestRefused.class);
        verify(refusals).record(event.capture());
        assertThat(event.getValue()).isInstanceOfSatisfying(ModelIngestRefused.class, refused -> {
            assertThat(refused.outcome().vetted()).isFalse();
            assertThat(refused.outcome().gateFindings()).containsKey("license");
            assertThat(refused.sourceUrl()).isEqualTo("https://huggingface.co/x");
        });
    }

    @Test
    void advisoryAdmitsItMarkedNotVetted() {
        ArtifactContent audience = Subjects.fixture("parvk11/audience_classifier_model").content();
        var outcome = ratings(GatePolicy.ADVISORY).rateForIngest("audience", "u", audience, AUDIENCE_DOCS, ADMIN);
        assertThat(outcome.vetted()).isFalse();
        assertThat(outcome.gatePolicy()).isEqualTo("advisory");
        assertThat(outcome.trigger()).isEqualTo(RatingTrigger.INGEST);
        assertThat(outcome.rating().name()).isEqualTo("audience");
        verify(refusals, never()).record(any());
    }

    @Test
    void onlyPublicHuggingFaceModelsAreGated() {
        ArtifactContent hf = Subjects.fixture("parvk11/audience_classifier_model").content();
        ArtifactContent fromGitHub = new ArtifactContent(hf.sourceUrl(), new SourceRef(SourceKind.GITHUB_REPOSITORY,
                "parvk11/audience", "main", null, "https://github.com/parvk11/audience"), hf.pkg(), hf.documents(), null, null);
        var outcome = ratings(GatePolicy.ENFORCE).rateForIngest("audience", "u", fromGitHub, AUDIENCE_DOCS, ADMIN);
        assertThat(outcome.vetted()).isFalse();
        verify(refusals, never()).record(any());
    }
}
