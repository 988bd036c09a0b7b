package io.modelregistry.command.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Settings S3 would refuse later, or that would break the memory bound, stop start-up naming the property. */
class S3BlobStoreSettingsTest {

    private static S3BlobStoreSettings with(DataSize partSize, URI endpoint, Duration presignTtl, Duration timeout) {
        return new S3BlobStoreSettings("blobs", "us-east-1", endpoint, true, true, partSize, 32, timeout, timeout,
                timeout, timeout, S3BlobStoreSettings.Download.STREAM, presignTtl, null);
    }

    @Test
    void aPartSizeOutsideWhatS3AndTheHeapAllowIsRefused() {
        assertThatThrownBy(() -> with(DataSize.ofMegabytes(4), null, Duration.ofMinutes(5), Duration.ofSeconds(5)))
                .hasMessageContaining("registry.blob-store.s3.part-size");
        assertThatThrownBy(() -> with(DataSize.ofGigabytes(1), null, Duration.ofMinutes(5), Duration.ofSeconds(5)))
                .hasMessageContaining("registry.blob-store.s3.part-size");
        assertThat(with(DataSize.ofMegabytes(5), null, Duration.ofMinutes(5), Duration.ofSeconds(5)).partBytes())
                .isEqualTo(5 * 1024 * 1024);
    }

    @Test
    void aPresignedUrlMayLiveAtMostSevenDays() {
        assertThatThrownBy(() -> with(DataSize.ofMegabytes(16), null, Duration.ofDays(8), Duration.ofSeconds(5)))
                .hasMessageContaining("registry.blob-store.s3.presign-ttl");
        assertThatThrownBy(() -> with(DataSize.ofMegabytes(16), null, Duration.ZERO, Duration.ofSeconds(5)))
                .hasMessageContaining("registry.blob-store.s3.presign-ttl");
    }

    @Test
    void everyTimeoutMustBePositiveAndTheEndpointAnHttpUrl() {
        assertThatThrownBy(() -> with(DataSize.ofMegabytes(16), null, Duration.ofMinutes(5), Duration.ZERO))
                .hasMessageContaining("registry.blob-store.s3.connection-timeout");
        assertThatThrownBy(() -> with(DataSize.ofMegabytes(16), URI.create("ftp://127.0.0.1/"), Duration.ofMinutes(5),
                Duration.ofSeconds(5))).hasMessageContaining("registry.blob-store.s3.endpoint");
        assertThat(with(DataSize.ofMegabytes(16), URI.create("http://127.0.0.1:9000"), Duration.ofMinutes(5),
                Duration.ofSeconds(5)).endpoint()).hasPort(9000);
    }

    @Test
    void unsetPartBuffersAreAsManyAsFitInAQuarterOfTheHeapAndAtLeastOne() {
        S3BlobStoreSettings settings = with(DataSize.ofMegabytes(16), null, Duration.ofMinutes(5), Duration.ofSeconds(5));
        assertThat(settings.partBuffers(512L * 1024 * 1024)).isEqualTo(8);
        assertThat(settings.partBuffers(32L * 1024 * 1024)).isEqualTo(1);
    }
}
