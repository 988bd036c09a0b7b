package io.modelregistry.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.command.weights.PackageWeightsScanner;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import io.modelregistry.command.document.BlobArtifactDocuments;
import io.modelregistry.fakehub.FakeHub;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Configuration;

/** The Spring wiring works from properties alone: endpoints, timeout, and the blob store under the data dir. */
class IngestWiringTest {

    @TempDir
    Path dataDir;

    @Configuration(proxyBeanMethods = false)
    @Import(PackageWeightsScanner.class) // the ingest scans what it stores
    @ComponentScan(basePackageClasses = {SourceIngestor.class, FilesystemBlobStore.class, BlobArtifactDocuments.class})
    static class IngestAndBlobs {
    }

    @Test
    void ingestsThroughTheConfiguredEndpointsIntoTheDataDir() {
        try (FakeHub hub = FakeHub.start()) {
            new ApplicationContextRunner()
                    .withUserConfiguration(IngestAndBlobs.class)
                    .withPropertyValues("registry.hub.huggingface-url=" + hub.hfEndpoint(), "registry.hub.github-api-url=" + hub.githubApiUrl(),
                            "registry.data-dir=" + dataDir, "registry.hub.request-timeout=5s")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(BlobStore.class)).isInstanceOf(FilesystemBlobStore.class);
                        IngestedSource result = context.getBean(SourceIngestor.class)
                                .ingest(ArtifactType.CODE, "https://github.com/openai/whisper");
                        assertThat(result.derivedName()).isEqualTo("openai-whisper");
                        String digest = result.content().pkg().digest();
                        assertThat(dataDir.resolve("blobs/sha256").resolve(digest.substring(0, 2)).resolve(digest))
                                .satisfies(p -> assertThat(Files.isRegularFile(p)).isTrue());
                        assertThat(hub.requestCount("/github/repos/openai/whisper")).isPositive();
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = FilesystemBlobStore.class)
    static class BlobsOnly {
    }

    @Test
    void anotherBlobStoreAdapterReplacesTheFilesystemOne() {
        new ApplicationContextRunner()
                .withUserConfiguration(BlobsOnly.class)
                .withPropertyValues("registry.blob-store=s3")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlobStore.class));
        new ApplicationContextRunner()
                .withUserConfiguration(BlobsOnly.class)
                .withPropertyValues("registry.data-dir=" + dataDir)
                .run(context -> assertThat(context).hasSingleBean(BlobStore.class));
    }
}
