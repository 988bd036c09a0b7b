package io.modelregistry.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.fakehub.FakeHub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions from HuggingFace tags, against the fake hub's recorded refs. */
class VersionedIngestTest {

    private static FakeHub hub;

    @TempDir
    Path blobRoot;
    private IngestHarness harness;

    @BeforeAll
    static void startHub() {
        hub = FakeHub.start();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @BeforeEach
    void wire() {
        harness = new IngestHarness(hub.hfEndpoint(), hub.githubApiUrl(), blobRoot, Duration.ofSeconds(10));
    }

    @Test
    void tinyLlmsTwoTagsAreTwoVersionsOldestFirstEachReadAtItsTagsCommit() {
        List<IngestedSource> versions = harness.versions(5)
                .ingestVersions(ArtifactType.MODEL, "https://huggingface.co/arnir0/Tiny-LLM");
        assertThat(versions).extracting(v -> v.content().version()).containsExactly("1.0.0", "1.1.0");
        assertThat(versions).extracting(v -> v.content().source().revision())
                .containsExactly("3502ec5bebbfd593c738058b6cc826543041dcda", "2f425557951c08d5e912c75144e0981c4c33958a");
        assertThat(versions).allSatisfy(v -> {
            assertThat(v.content().source().repoId()).isEqualTo("arnir0/Tiny-LLM");
            assertThat(size(v.content().pkg().digest())).isPositive();
        });
        assertThat(harness.proxies.requested).anySatisfy(uri ->
                assertThat(uri.getPath()).endsWith("/api/models/arnir0/Tiny-LLM/refs"));
    }

    private long size(String digest) {
        try {
            return harness.blobs.size(digest).orElse(0L);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void tagsWithoutAVPrefixAreVersionsToo() {
        assertThat(harness.versions(5).ingestVersions(ArtifactType.MODEL, "https://huggingface.co/crangana/trained-gender"))
                .extracting(v -> v.content().version()).containsExactly("1.0.0", "1.1.0");
    }

    @Test
    void onlyTheNewestTagsUpToTheLimitAreIngested() {
        assertThat(harness.versions(1).ingestVersions(ArtifactType.MODEL, "https://huggingface.co/arnir0/Tiny-LLM"))
                .extracting(v -> v.content().version()).containsExactly("1.1.0");
    }

    @Test
    void aTwoPartTagIsNoVersionSoTheRepositoryIsOneDefaultVersionAtItsDefaultBranch() {
        List<IngestedSource> versions = harness.versions(5)
                .ingestVersions(ArtifactType.MODEL, "https://huggingface.co/google-bert/bert-base-uncased");
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.content().version()).isEqualTo(ArtifactContent.DEFAULT_VERSION);
            assertThat(v.content().source().revision()).isEqualTo("86b5e0934494bd15c9632b12f734a8a67f723594");
        });
    }

    @Test
    void aDatasetsRefsAreReadFromTheDatasetsApi() {
        assertThat(harness.versions(5).ingestVersions(ArtifactType.DATASET, "https://huggingface.co/datasets/bookcorpus/bookcorpus"))
                .extracting(v -> v.content().version()).containsExactly(ArtifactContent.DEFAULT_VERSION);
        assertThat(harness.proxies.requested).anySatisfy(uri ->
                assertThat(uri.getPath()).endsWith("/api/datasets/bookcorpus/bookcorpus/refs"));
    }

    @Test
    void aGitHubRepositoryIsOneVersion() {
        assertThat(harness.versions(5).ingestVersions(ArtifactType.CODE, "https://github.com/karpathy/nanoGPT"))
                .extracting(v -> v.content().version()).containsExactly(ArtifactContent.DEFAULT_VERSION);
    }

    @Test
    void theTagSelectionIgnoresDatesAndTwoPartNamesCountsOneVersionOnceAndKeepsTheNewest() throws Exception {
        var tags = new ObjectMapper().readTree("""
                [{"name": "2024-03-04", "targetCommit": "%1$s"},
                 {"name": "v1.0", "targetCommit": "%1$s"},
                 {"name": "v1.0.0", "targetCommit": "%1$s"},
                 {"name": "1.0.0", "targetCommit": "%2$s"},
                 {"name": "v2.0.0-rc.1", "targetCommit": "%2$s"},
                 {"name": "v2.0.0", "targetCommit": "%2$s"},
                 {"name": "v1.5.0", "targetCommit": "not-a-commit"},
                 {"name": "v1.2.0+build.5", "targetCommit": "%2$s"}]
                """.formatted("a".repeat(40), "b".repeat(40)));
        assertThat(HuggingFaceTags.select(tags, 3)).extracting(HuggingFaceTags.VersionTag::version)
                .containsExactly("2.0.0", "2.0.0-rc.1", "1.2.0+build.5");
        assertThat(HuggingFaceTags.select(tags, 10)).extracting(HuggingFaceTags.VersionTag::version)
                .containsExactly("2.0.0", "2.0.0-rc.1", "1.2.0+build.5", "1.0.0");
        assertThat(HuggingFaceTags.select(tags, 10)).last()
                .extracting(HuggingFaceTags.VersionTag::commit).isEqualTo("a".repeat(40));
    }
}
