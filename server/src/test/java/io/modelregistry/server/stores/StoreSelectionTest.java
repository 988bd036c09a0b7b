package io.modelregistry.server.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.server.RegistryServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** Every store setting names an adapter of this build, or the registry does not start, and says why. */
class StoreSelectionTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource({"registry.event-store, cassandra, 'jdbc, dynamodb'", "registry.blob-store, azure, 'filesystem, s3'",
            "registry.read-models, elasticsearch, 'embedded, opensearch'"})
    void anUnknownAdapterStopsStartUpNamingTheSettingAndTheKnownValues(String property, String value, String known) {
        MockEnvironment environment = new MockEnvironment().withProperty(property, value);
        assertThatThrownBy(() -> new StoreSelectionCheck().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Unknown adapter " + property + "=" + value + ": this build has " + known + ".");
    }

    @Test
    void theEmbeddedAdaptersAreTheDefaultsAndMayBeNamedInAnyCase() {
        new StoreSelectionCheck().postProcessEnvironment(new MockEnvironment(), new SpringApplication());
        new StoreSelectionCheck().postProcessEnvironment(new MockEnvironment().withProperty("registry.blob-store", "S3"),
                new SpringApplication());
        new StoreSelectionCheck().postProcessEnvironment(new MockEnvironment().withProperty("registry.event-store", "JDBC")
                .withProperty("registry.blob-store", "filesystem").withProperty("registry.read-models", "Embedded"),
                new SpringApplication());
    }

    @Test
    void theLauncherRefusesToStartWithAnUnknownAdapterBeforeTouchingTheDataDir() {
        Path data = dataDir.resolve("data");
        assertThatThrownBy(() -> new SpringApplicationBuilder(RegistryServer.class)
                .properties("registry.data-dir=" + data, "server.port=0", "registry.blob-store=azure").run())
                .hasMessageContaining("registry.blob-store=azure");
        assertThat(data).doesNotExist();
    }

    @Test
    void theS3BlobStoreWithoutABucketStopsStartUpNamingTheSetting() {
        Path data = dataDir.resolve("data");
        assertThatThrownBy(() -> new SpringApplicationBuilder(RegistryServer.class)
                .properties("registry.data-dir=" + data, "server.port=0", "registry.blob-store=s3").run())
                .hasStackTraceContaining("registry.blob-store.s3")
                .hasStackTraceContaining("bucket");
    }
}
