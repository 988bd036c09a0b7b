package io.modelregistry.command.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.BlobStore.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BlobStore} adapter does, run against each of them (the filesystem and S3 on S3Proxy) so they
 * cannot drift apart. An adapter's test supplies the store, the size above which its puts are no longer a single
 * write (S3: the part size), what it leaves behind besides blobs (temp files, staging objects, unfinished multipart
 * uploads) and whether it can presign.
 */
public abstract class BlobStoreContract {

    protected abstract BlobStore store();

    /** Bytes that certainly take more than one part (or buffer) of this adapter. */
    protected abstract int multipartBytes();

    /** Anything the adapter keeps that is not a finished blob: must be empty after every put, failed or not. */
    protected abstract List<String> leftovers() throws IOException;

    protected abstract boolean presigns();

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(Optional<InputStream> in) throws IOException {
        try (InputStream stream = in.orElseThrow()) {
            return stream.readAllBytes();
        }
    }

    @Test
    public void aPutIsNamedByItsSha256AndReadsBackWhole() throws Exception {
        BlobStore store = store();
        StoredBlob blob = store.put(text("hello registry"));
        assertThat(blob.digest()).isEqualTo(sha256("hello registry".getBytes(StandardCharsets.UTF_8)));
        assertThat(blob.sizeBytes()).isEqualTo(14);
        assertThat(new String(read(store.open(blob.digest())), StandardCharsets.UTF_8)).isEqualTo("hello registry");
        assertThat(store.size(blob.digest())).contains(14L);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    public void emptyContentIsABlobToo() throws Exception {
        BlobStore store = store();
        StoredBlob empty = store.put(InputStream.nullInputStream());
        assertThat(empty.digest()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(empty.sizeBytes()).isZero();
        assertThat(read(store.open(empty.digest()))).isEmpty();
        assertThat(store.size(empty.digest())).contains(0L);
    }

    @Test
    public void aBlobLargerThanOnePartRoundTripsAndRangesCrossPartBoundaries() throws Exception {
        BlobStore store = store();
        byte[] content = random(multipartBytes(), 11);
        StoredBlob blob = store.put(new ByteArrayInputStream(content));
        assertThat(blob.digest()).isEqualTo(sha256(content));
        assertThat(blob.sizeBytes()).isEqualTo(content.length);
        assertThat(read(store.open(blob.digest()))).isEqualTo(content);

        int middle = content.length / 2;
        assertThat(read(store.open(blob.digest(), middle - 100, 200)))
                .isEqualTo(Arrays.copyOfRange(content, middle - 100, middle + 100));
        assertThat(read(store.open(blob.digest(), content.length - 10, 1000)))
                .as("a range past the end stops at the end")
                .isEqualTo(Arrays.copyOfRange(content, content.length - 10, content.length));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    public void aRangeReadReturnsJustThoseBytes() throws Exception {
        BlobStore store = store();
        String digest = store.put(text("0123456789")).digest();
        assertThat(new String(read(store.open(digest, 3, 4)), StandardCharsets.UTF_8)).isEqualTo("3456");
        assertThat(new String(read(store.open(digest, 0, 10)), StandardCharsets.UTF_8)).isEqualTo("0123456789");
        assertThat(read(store.open(digest, 5, 0))).isEmpty();
        assertThat(store.open("0".repeat(64), 0, 5)).isEmpty();
    }

    @Test
    public void storingTheSameBytesTwiceKeepsOneBlob() throws Exception {
        BlobStore store = store();
        byte[] large = random(multipartBytes(), 5);
        StoredBlob first = store.put(text("same bytes"));
        StoredBlob second = store.put(text("same bytes"));
        StoredBlob bigFirst = store.put(new ByteArrayInputStream(large));
        StoredBlob bigSecond = store.put(new ByteArrayInputStream(large));
        assertThat(second).isEqualTo(first);
        assertThat(bigSecond).isEqualTo(bigFirst);
        assertThat(store.list(null, 100)).containsExactlyInAnyOrder(first.digest(), bigFirst.digest());
        assertThat(read(store.open(bigFirst.digest()))).isEqualTo(large);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    public void concurrentPutsOfTheSameBytesAllSucceedWithOneBlob() throws Exception {
        BlobStore store = store();
        byte[] shared = random(256 * 1024, 7);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredBlob>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> store.put(new ByteArrayInputStream(shared))));
            }
            for (Future<StoredBlob> result : results) {
                assertThat(result.get().digest()).isEqualTo(sha256(shared));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.list(null, 10)).containsExactly(sha256(shared));
        assertThat(leftovers()).isEmpty();
    }

    /** Like the ingest's verifying stream: every byte arrives, then the check at the end fails. */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1000, -1})
    public void aStreamThatFailsItsCheckAtTheEndStoresNothing(int size) throws Exception {
        BlobStore store = store();
        byte[] content = random(size < 0 ? multipartBytes() : size, 3);
        InputStream failingAtEnd = new FilterInputStream(new ByteArrayInputStream(content)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IOException("not the listed file");
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int n = super.read();
                if (n < 0) {
                    throw new IOException("not the listed file");
                }
                return n;
            }
        };
        assertThatThrownBy(() -> store.put(failingAtEnd)).isInstanceOf(IOException.class)
                .hasMessageContaining("not the listed file");
        assertThat(store.list(null, 10)).isEmpty();
        assertThat(store.size(sha256(content))).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    public void aStreamThatBreaksHalfwayStoresNothing() throws Exception {
        BlobStore store = store();
        byte[] content = random(multipartBytes(), 4);
        InputStream breaking = new FilterInputStream(new ByteArrayInputStream(content)) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > content.length * 3L / 4) {
                    throw new IOException("connection reset");
                }
                int n = super.read(b, off, len);
                read += Math.max(n, 0);
                return n;
            }
        };
        assertThatThrownBy(() -> store.put(breaking)).isInstanceOf(IOException.class);
        assertThat(store.list(null, 10)).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    /**
     * A blob several times larger than what the adapter may hold is streamed: the live heap (measured after a full
     * collection at every 8 MiB read) never grows by more than a few parts.
     */
    @Test
    public void aLargePutStreamsWithBoundedHeap() throws Exception {
        BlobStore store = store();
        long total = 96L * 1024 * 1024;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] peak = {0};
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        InputStream generated = new InputStream() {
            private final byte[] pattern = random(64 * 1024, 9);
            private long position;
            private long nextSample = 8L * 1024 * 1024;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= total) {
                    return -1;
                }
                if (position >= nextSample) {
                    nextSample += 8L * 1024 * 1024;
                    System.gc();
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed() - baseline);
                }
                int n = (int) Math.min(len, Math.min(total - position, pattern.length - position % pattern.length));
                System.arraycopy(pattern, (int) (position % pattern.length), b, off, n);
                expected.update(b, off, n);
                position += n;
                return n;
            }
        };
        StoredBlob blob = store.put(generated);
        assertThat(blob.sizeBytes()).isEqualTo(total);
        assertThat(blob.digest()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(store.size(blob.digest())).contains(total);
        assertThat(peak[0]).as("live heap growth during a %d MiB put", total >> 20).isLessThan(48L * 1024 * 1024);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    public void listingPagesThroughEveryDigestInAscendingOrder() throws Exception {
        BlobStore store = store();
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stored.add(store.put(text("blob " + i)).digest());
        }
        List<String> listed = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            List<String> digests = store.list(after, 7);
            assertThat(digests.size()).isLessThanOrEqualTo(7);
            if (digests.isEmpty()) {
                break;
            }
            listed.addAll(digests);
            after = digests.get(digests.size() - 1);
        }
        assertThat(listed).isSorted().containsExactlyInAnyOrderElementsOf(stored);
        assertThat(store.list(null, 0)).isEmpty();
        assertThat(store.list(stored.stream().sorted().toList().get(29), 10)).isEmpty();
    }

    /**
     * How long before a sweep's cutoff the "old" blobs are written: each adapter judges age by its own clock, S3 by
     * whole seconds of its own and with a slack, so they are written comfortably before it.
     */
    private static final Duration OLDER_THAN_THE_CUTOFF = Duration.ofMillis(3_200);

    @Test
    public void aSweepDeletesOnlyBlobsNotWrittenOrReusedSinceItsCutoffAndASweptBlobCanBeWrittenAnew() throws Exception {
        BlobStore store = store();
        byte[] large = random(multipartBytes(), 11);
        byte[] largeAgain = random(multipartBytes(), 12);
        StoredBlob old = store.put(text("old and unreferenced"));
        StoredBlob oldLarge = store.put(new ByteArrayInputStream(large));
        StoredBlob reused = store.put(text("old but reused by an ingest"));
        StoredBlob rewritten = store.put(text("old but put again"));
        StoredBlob rewrittenLarge = store.put(new ByteArrayInputStream(largeAgain));
        Thread.sleep(OLDER_THAN_THE_CUTOFF.toMillis());
        Instant cutoff = Instant.now();
        assertThat(store.retain(reused.digest())).contains(reused);
        assertThat(store.put(text("old but put again"))).isEqualTo(rewritten);
        assertThat(store.put(new ByteArrayInputStream(largeAgain))).isEqualTo(rewrittenLarge);

        assertThat(store.deleteIfUnwrittenSince(old.digest(), cutoff)).contains(old.sizeBytes());
        assertThat(store.deleteIfUnwrittenSince(oldLarge.digest(), cutoff)).contains(oldLarge.sizeBytes());
        for (StoredBlob fresh : List.of(reused, rewritten, rewrittenLarge)) {
            assertThat(store.deleteIfUnwrittenSince(fresh.digest(), cutoff)).as("reused since the cutoff").isEmpty();
            assertThat(store.size(fresh.digest())).contains(fresh.sizeBytes());
        }
        assertThat(store.open(old.digest())).isEmpty();
        assertThat(store.deleteIfUnwrittenSince(old.digest(), cutoff)).as("already gone").isEmpty();
        assertThat(store.retain(old.digest())).as("nothing to retain").isEmpty();
        assertThat(store.deleteIfUnwrittenSince("../../etc/passwd", cutoff)).isEmpty();
        assertThat(store.list(null, 10))
                .containsExactlyInAnyOrder(reused.digest(), rewritten.digest(), rewrittenLarge.digest());
        assertThat(store.clearLeftoversUntouchedSince(Instant.now())).as("nothing was interrupted").isZero();

        assertThat(store.put(new ByteArrayInputStream(large))).as("written anew").isEqualTo(oldLarge);
        assertThat(read(store.open(oldLarge.digest()))).isEqualTo(large);
        assertThat(store.deleteIfUnwrittenSince(oldLarge.digest(), cutoff)).as("written since the cutoff").isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    public void aDeletedBlobIsGoneAndDeletingItAgainSaysSo() throws Exception {
        BlobStore store = store();
        String kept = store.put(text("kept")).digest();
        String gone = store.put(text("gone")).digest();
        assertThat(store.delete(gone)).isTrue();
        assertThat(store.open(gone)).isEmpty();
        assertThat(store.size(gone)).isEmpty();
        assertThat(store.delete(gone)).isFalse();
        assertThat(store.delete("../../etc/passwd")).isFalse();
        assertThat(store.list(null, 10)).containsExactly(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000000000000000000000000000000000000000000000000000000000",
            "not-a-digest", "../../etc/passwd", "",
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"})
    public void aMissingOrMalformedDigestIsAbsent(String digest) throws Exception {
        BlobStore store = store();
        store.put(text("something"));
        assertThat(store.open(digest)).isEmpty();
        assertThat(store.size(digest)).isEmpty();
        assertThat(store.open(null)).isEmpty();
        assertThat(store.presignedDownload(digest, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    public void aPresignedUrlServesTheBlobWithoutCredentialsWhereTheStoreCanSignOne() throws Exception {
        BlobStore store = store();
        byte[] content = "fetched directly".getBytes(StandardCharsets.UTF_8);
        String digest = store.put(new ByteArrayInputStream(content)).digest();
        Optional<URI> url = store.presignedDownload(digest, Duration.ofMinutes(5));
        if (!presigns()) {
            assertThat(url).isEmpty();
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(url.orElseThrow())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(content);
        HttpResponse<byte[]> resumed = http.send(HttpRequest.newBuilder(url.orElseThrow()).header("Range", "bytes=8-")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(resumed.statusCode()).isEqualTo(206);
        assertThat(new String(resumed.body(), StandardCharsets.UTF_8)).isEqualTo("directly");
        String tampered = url.get().toString().replace("X-Amz-Expires=300", "X-Amz-Expires=3000");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(tampered)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
    }

    @Test
    public void theProbeWritesAndLeavesNothing() throws Exception {
        BlobStore.HealthProbe probe = store().probe();
        assertThat(probe.writable()).isTrue();
        assertThat(probe.usableBytes()).isPositive();
        assertThat(store().list(null, 10)).isEmpty();
        assertThat(leftovers()).isEmpty();
    }
}
