package io.modelregistry.command.blob.s3;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The S3 blob store ({@code registry.blob-store=s3}). Credentials are not settings: they come from the AWS SDK's
 * default provider chain (environment, system properties, profile, container or instance role), so they are never
 * bound, printed or logged by the registry.
 *
 * @param bucket                bucket of the blobs ({@code REGISTRY_BLOB_STORE_S3_BUCKET}); required
 * @param region                AWS region of the bucket
 * @param endpoint              endpoint override (an S3-compatible server, e.g. S3Proxy or MinIO); unset: AWS
 * @param pathStyle             path-style requests ({@code endpoint/bucket/key}), which most S3-compatible servers
 *                              need; AWS prefers virtual-hosted style
 * @param createBucket          create the bucket at start when it is missing (idempotent); false: a missing bucket
 *                              stops start-up with a message naming it
 * @param partSize              size of each multipart-upload part, buffered one at a time per upload (S3 needs at
 *                              least 5 MiB but for the last part and allows at most 10,000 parts, so this also bounds
 *                              the largest blob: 10,000 × part size)
 * @param maxConnections        connections to S3 at once (the pool is bounded; a request waits for a free one at
 *                              most {@code connectionTimeout})
 * @param connectionTimeout     how long opening a connection, or waiting for one from the pool, may take
 * @param socketTimeout         how long a connection may be silent while a request or response is in flight
 * @param apiCallAttemptTimeout how long one attempt of one call (e.g. one part upload) may take
 * @param apiCallTimeout        how long one call may take, retries included
 * @param download              {@code stream}: the node streams every download; {@code redirect}: a download that is
 *                              exactly one stored blob is answered with a redirect to a presigned GET URL
 * @param presignTtl            how long such a presigned URL is valid
 * @param partBuffers           how many part buffers the puts in flight may hold at once (a put of more than 256 KiB
 *                              holds one until it is stored; more wait, up to {@code apiCallTimeout}); unset: as many
 *                              as fit in a quarter of the heap, at least one
 */
@Validated
@ConfigurationProperties("registry.blob-store.s3")
public record S3BlobStoreSettings(
        @NotBlank(message = "registry.blob-store.s3.bucket must name the bucket of the blobs")
        @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", message = "is not a valid S3 bucket name") String bucket,
        @NotBlank @DefaultValue("us-east-1") String region,
        URI endpoint,
        @DefaultValue("false") boolean pathStyle,
        @DefaultValue("true") boolean createBucket,
        @NotNull @DefaultValue("16MB") DataSize partSize,
        @Min(1) @Max(1024) @DefaultValue("32") int maxConnections,
        @NotNull @DefaultValue("5s") Duration connectionTimeout,
        @NotNull @DefaultValue("30s") Duration socketTimeout,
        @NotNull @DefaultValue("2m") Duration apiCallAttemptTimeout,
        @NotNull @DefaultValue("5m") Duration apiCallTimeout,
        @NotNull @DefaultValue("stream") Download download,
        @NotNull @DefaultValue("5m") Duration presignTtl,
        @Min(1) @Max(4096) Integer partBuffers) {

    /** S3's smallest part but the last. */
    static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    /** Parts are buffered in the heap, one per upload in flight: keep each a modest array. */
    static final long MAX_PART_BYTES = 512L * 1024 * 1024;

    /** How a download of a single blob reaches the client. */
    public enum Download { STREAM, REDIRECT }

    public S3BlobStoreSettings {
        if (partSize != null && (partSize.toBytes() < MIN_PART_BYTES || partSize.toBytes() > MAX_PART_BYTES)) {
            throw new IllegalArgumentException("registry.blob-store.s3.part-size must be between 5MB and 512MB, was "
                    + partSize);
        }
        requirePositive("connection-timeout", connectionTimeout);
        requirePositive("socket-timeout", socketTimeout);
        requirePositive("api-call-attempt-timeout", apiCallAttemptTimeout);
        requirePositive("api-call-timeout", apiCallTimeout);
        requirePositive("presign-ttl", presignTtl);
        if (presignTtl != null && presignTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("registry.blob-store.s3.presign-ttl must be at most 7 days (SigV4)");
        }
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
                || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")))) {
            throw new IllegalArgumentException("registry.blob-store.s3.endpoint must be an http(s) URL, was " + endpoint);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("registry.blob-store.s3." + name + " must be positive, was " + value);
        }
    }

    int partBytes() {
        return (int) partSize.toBytes();
    }

    /** The part buffers a store may hold at once, given the heap's maximum when they are not set. */
    int partBuffers(long maxHeapBytes) {
        if (partBuffers != null) {
            return partBuffers;
        }
        return (int) Math.max(1, Math.min(4096, maxHeapBytes / 4 / partBytes()));
    }

    /** Settings for a bucket on a given endpoint with every other value at its default (tests, benchmarks). */
    public static S3BlobStoreSettings forEndpoint(String bucket, URI endpoint, DataSize partSize, Download download) {
        return new S3BlobStoreSettings(bucket, "us-east-1", endpoint, true, true, partSize, 32,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5), download,
                Duration.ofMinutes(5), null);
    }
}
