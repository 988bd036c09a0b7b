package io.modelregistry.command.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.BlobStore.StoredBlob;
import io.modelregistry.command.blob.BlobStoreContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The shared blob store contract on the S3 adapter, against S3Proxy in this JVM. Each test has its own bucket,
 * created by the adapter as at start-up; parts are S3's smallest (5 MiB), so a few MiB already take several parts.
 */
class S3BlobStoreContractTest extends BlobStoreContract {

    @TempDir
    static Path objects;

    static S3ProxyServer server;
    static S3Client s3;
    static S3Presigner presigner;

    S3BlobStoreSettings settings;
    S3BlobStore store;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        server = S3ProxyServer.start(objects);
        S3BlobStoreSettings any = S3BlobStoreSettings.forEndpoint("any", server.endpoint(), DataSize.ofMegabytes(5),
                S3BlobStoreSettings.Download.STREAM);
        s3 = S3Clients.client(any, S3ProxyServer.credentials());
        presigner = S3Clients.presigner(any, S3ProxyServer.credentials());
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        presigner.close();
        s3.close();
        server.close();
    }

    @BeforeEach
    void bucketOfItsOwn() {
        settings = S3BlobStoreSettings.forEndpoint("blobs-" + UUID.randomUUID().toString().substring(0, 8),
                server.endpoint(), DataSize.ofMegabytes(5), S3BlobStoreSettings.Download.STREAM);
        store = new S3BlobStore(s3, presigner, settings);
        store.ensureBucket();
    }

    @AfterEach
    void ensuringTheBucketAgainIsHarmless() {
        store.ensureBucket();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected int multipartBytes() {
        return 12 * 1024 * 1024 + 17;
    }

    /** Objects outside {@code blobs/} (staging copies, probes) and multipart uploads never completed or aborted. */
    @Override
    protected List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket())).contents()) {
            // a reuse mark is not a leftover: it is how a sweep tells a reused blob (and goes with its blob)
            if (!object.key().startsWith("blobs/") && !object.key().startsWith("touched/")) {
                left.add(object.key());
            }
        }
        s3.listMultipartUploads(b -> b.bucket(settings.bucket())).uploads()
                .forEach(upload -> left.add("upload of " + upload.key()));
        // and on S3Proxy's disk, where unfinished uploads keep their parts whatever the listing above says
        Path bucket = objects.resolve(settings.bucket());
        if (Files.isDirectory(bucket)) {
            try (Stream<Path> files = Files.walk(bucket)) {
                files.filter(Files::isRegularFile).map(file -> bucket.relativize(file).toString())
                        .filter(name -> !name.startsWith("blobs/") && !name.startsWith("touched/")).forEach(left::add);
            }
        }
        return left;
    }

    @Override
    protected boolean presigns() {
        return true;
    }

    @Test
    void aSweepClearsWhatAKilledPutOrSweepLeftOnceItIsOlderThanTheCutoffAndPutsAMovedBlobBack() throws Exception {
        String bucket = settings.bucket();
        byte[] content = "moved aside by a sweep that was killed before it decided".getBytes(StandardCharsets.UTF_8);
        StoredBlob moved = store.put(new ByteArrayInputStream(content));
        String trashed = "trash/" + moved.digest() + "-" + UUID.randomUUID();
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(S3BlobStore.key(moved.digest()))
                .destinationBucket(bucket).destinationKey(trashed));
        s3.deleteObject(b -> b.bucket(bucket).key(S3BlobStore.key(moved.digest())));
        s3.putObject(b -> b.bucket(bucket).key("uploads/" + UUID.randomUUID()), RequestBody.fromString("staged"));
        String markOfAGoneBlob = "touched/" + "ab".repeat(32);
        s3.putObject(b -> b.bucket(bucket).key(markOfAGoneBlob), RequestBody.fromString(""));
        assertThat(leftovers()).contains(trashed).anyMatch(left -> left.startsWith("uploads/"));

        assertThat(store.clearLeftoversUntouchedSince(Instant.now().minusSeconds(60)))
                .as("a put or sweep may still be at work on them").isZero();
        assertThat(store.size(moved.digest())).isEmpty();
        Thread.sleep(3_200);

        assertThat(store.clearLeftoversUntouchedSince(Instant.now())).isEqualTo(3);
        assertThat(leftovers()).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("touched/")).contents()).isEmpty();
        try (InputStream in = store.open(moved.digest()).orElseThrow()) {
            assertThat(in.readAllBytes()).as("put back, for a later sweep to judge").isEqualTo(content);
        }
        assertThat(store.clearLeftoversUntouchedSince(Instant.now())).as("nothing left").isZero();
    }

    @Test
    void largePutsBeyondThePartBuffersWaitForOneWhileSmallPutsGoOn() throws Exception {
        S3BlobStoreSettings one = new S3BlobStoreSettings(settings.bucket(), "us-east-1", server.endpoint(), true, true,
                DataSize.ofMegabytes(5), 32, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(1), S3BlobStoreSettings.Download.STREAM, Duration.ofMinutes(5), 1);
        S3BlobStore store = new S3BlobStore(s3, presigner, one);
        byte[] large = new byte[6 * 1024 * 1024];
        new java.util.Random(3).nextBytes(large);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream held = new FilterInputStream(new ByteArrayInputStream(large)) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 1024 * 1024) {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                    }
                }
                int n = super.read(b, off, (int) Math.min(len, 64 * 1024));
                read += Math.max(n, 0);
                return n;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<StoredBlob> first = pool.submit(() -> store.put(held));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.atomic.AtomicLong secondRead = new java.util.concurrent.atomic.AtomicLong();
            InputStream counted = new FilterInputStream(new ByteArrayInputStream(large)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    secondRead.addAndGet(Math.max(n, 0));
                    return n;
                }
            };
            Future<StoredBlob> second = pool.submit(() -> store.put(counted));
            StoredBlob small = store.put(new ByteArrayInputStream("a config".getBytes(StandardCharsets.UTF_8)));
            assertThat(store.size(small.digest())).as("a small put holds no part").contains(8L);
            Thread.sleep(1_000);
            assertThat(secondRead.get()).as("the second large put read its first 256 KiB and waits for the one part"
                    + " buffer before it reads on").isEqualTo(256 * 1024);
            assertThat(second).isNotDone();
            release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(second.get(60, TimeUnit.SECONDS));
            assertThat(store.size(first.get().digest())).contains((long) large.length);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
