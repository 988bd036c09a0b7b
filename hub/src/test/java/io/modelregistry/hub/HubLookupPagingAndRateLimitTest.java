package io.modelregistry.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.fakehub.ModelCommit;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubLookupPagingAndRateLimitTest {

    private static final HubEndpoint GITHUB = HubEndpoint.of("GitHub", "https://api.github.com", null);

    @Test
    void theNextLinkIsFollowedOnlyBelowTheSameEndpoint() {
        assertThat(HubLookup.nextLink(GITHUB, answer(Map.of("Link", List.of(
                "<https://api.github.com/repositories/1/pulls/3/reviews?per_page=100&page=2>; rel=\"next\", "
                        + "<https://api.github.com/repositories/1/pulls/3/reviews?per_page=100&page=5>; rel=\"last\"")))))
                .contains("/repositories/1/pulls/3/reviews?per_page=100&page=2");
        assertThat(HubLookup.nextLink(GITHUB, answer(Map.of("Link", List.of(
                "<https://evil.example/steal?page=2>; rel=\"next\""))))).isEmpty();
        assertThat(HubLookup.nextLink(GITHUB, answer(Map.of("Link", List.of(
                "<https://api.github.com/x?page=1>; rel=\"prev\""))))).isEmpty();
        assertThat(HubLookup.nextLink(GITHUB, answer(Map.of()))).isEmpty();
    }

    @Test
    void aRateLimitAnswerSaysHowLongToWait() {
        assertThat(HubLookup.rateLimitWaitMillis(answer(429, Map.of("Retry-After", List.of("7"))))).hasValue(7_000);
        long reset = System.currentTimeMillis() / 1000 + 120;
        assertThat(HubLookup.rateLimitWaitMillis(answer(403, Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(Long.toString(reset))))).getAsLong()).isBetween(110_000L, 121_000L);
        // a 403 that is not a rate limit (a blocked repository), and a 429 without a hint: GitHub's one minute
        assertThat(HubLookup.rateLimitWaitMillis(answer(403, Map.of("x-ratelimit-remaining", List.of("12"))))).isEmpty();
        assertThat(HubLookup.rateLimitWaitMillis(answer(429, Map.of()))).hasValue(60_000);
        assertThat(HubLookup.rateLimitWaitMillis(answer(429, Map.of("Retry-After", List.of("99999999")))))
                .hasValue(HubLookup.MAX_QUIET_MILLIS);
    }

    @Test
    void aLongRateLimitIsThrownWithItsWaitAndNothingIsSentUntilItPasses() {
        try (FakeHub hub = FakeHub.start()) {
            HubLookup lookup = HubLookup.create(hub.hfEndpoint(), hub.githubApiUrl(), Duration.ofSeconds(5));
            hub.rateLimitNext("/github/repos/google-research/bert", 900);
            assertThatThrownBy(() -> lookup.gitHubRepository("google-research/bert"))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.errorMessage()).isEqualTo(ErrorMessage.HUB_RATE_LIMITED);
                        assertThat(e.getMessage()).contains("GitHub").containsPattern("in (899|900) s");
                    });
            assertThatThrownBy(() -> lookup.within(Duration.ofSeconds(1)).gitHubContributors("google-research/bert"))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("rate limit");
            assertThat(hub.requestCount("/github/")).isEqualTo(1);
            // the other service is not held back
            assertThat(lookup.huggingFaceDataset("bookcorpus/bookcorpus")).isPresent();
        }
    }

    @Test
    void aModelsHistoryIsReadAcrossPagesUpToTheBound() {
        try (FakeHub hub = FakeHub.start()) {
            List<ModelCommit> history = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                history.add(ModelCommit.by("user" + (i % 5)));
            }
            hub.serveModelCommits("openai/whisper-tiny", history);
            HubLookup lookup = HubLookup.create(hub.hfEndpoint(), hub.githubApiUrl(), Duration.ofSeconds(5));
            assertThat(lookup.huggingFaceModelCommits("openai/whisper-tiny", "main", 500).orElseThrow()).hasSize(250);
            assertThat(hub.requestCount("/huggingface/api/models/openai/whisper-tiny/commits/")).isEqualTo(3);
            assertThat(lookup.huggingFaceModelCommits("openai/whisper-tiny", "main", 200).orElseThrow()).hasSize(200);
            assertThat(lookup.huggingFaceModelCommits("google-bert/bert-base-uncased", "main", 100)).isEmpty();
        }
    }

    private static HubResponse answer(Map<String, List<String>> headers) {
        return answer(200, headers);
    }

    private static HubResponse answer(int status, Map<String, List<String>> headers) {
        return new HubResponse(status, HttpHeaders.of(headers, (a, b) -> true), new byte[0], false,
                URI.create("https://api.github.com/repos/o/r/pulls/3/reviews?per_page=100"));
    }
}
