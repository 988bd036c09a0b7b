package io.modelregistry.command.blob.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.BlobStore.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesystemBlobStoreTest {

    @TempDir
    Path root;

    private BlobStore store() {
        return new FilesystemBlobStore(root);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void storesUnderItsSha256AndReadsBack() throws Exception {
        BlobStore store = store();
        StoredBlob blob = store.put(bytes("hello registry"));

        assertThat(blob.digest()).isEqualTo(sha256("hello registry".getBytes(StandardCharsets.UTF_8)));
        assertThat(blob.sizeBytes()).isEqualTo(14);
        assertThat(root.resolve("sha256").resolve(blob.digest().substring(0, 2)).resolve(blob.digest())).isRegularFile();
        try (InputStream in = store.open(blob.digest()).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello registry");
        }
        assertThat(store.size(blob.digest())).contains(14L);
    }

    @Test
    void sameContentGivesSameDigestAndOneFile() throws Exception {
        BlobStore store = store();
        StoredBlob first = store.put(bytes("same bytes"));
        StoredBlob second = store.put(bytes("same bytes"));
        StoredBlob other = store.put(bytes("other bytes"));

        assertThat(second).isEqualTo(first);
        assertThat(other.digest()).isNotEqualTo(first.digest());
        assertThat(blobFiles()).hasSize(2);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void emptyContentIsABlobToo() throws Exception {
        StoredBlob empty = store().put(InputStream.nullInputStream());
        assertThat(empty.digest()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(empty.sizeBytes()).isZero();
    }

    @Test
    void concurrentPutsOfSameAndDifferentContentAllSucceed() throws Exception {
        BlobStore store = store();
        byte[] shared = new byte[256 * 1024];
        new Random(7).nextBytes(shared);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<StoredBlob>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int n = i;
                Callable<StoredBlob> put = () -> n % 2 == 0
                        ? store.put(new ByteArrayInputStream(shared))
                        : store.put(bytes("distinct " + n));
                results.add(pool.submit(put));
            }
            String sharedDigest = sha256(shared);
            for (int i = 0; i < results.size(); i++) {
                StoredBlob blob = results.get(i).get();
                if (i % 2 == 0) {
                    assertThat(blob.digest()).isEqualTo(sharedDigest);
                    assertThat(blob.sizeBytes()).isEqualTo(shared.length);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(blobFiles()).hasSize(1 + 16);
        assertThat(tempFiles()).isEmpty();
        try (InputStream in = store.open(sha256(shared)).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(shared);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000000000000000000000000000000000000000000000000000000000",
            "not-a-digest", "../../etc/passwd", "", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"})
    void missingOrMalformedDigestIsEmpty(String digest) throws Exception {
        BlobStore store = store();
        store.put(bytes("something"));
        assertThat(store.open(digest)).isEmpty();
        assertThat(store.size(digest)).isEmpty();
        assertThat(store.open(null)).isEmpty();
    }

    @Test
    void probeWritesAndCleansUp() throws Exception {
        BlobStore.HealthProbe probe = store().probe();
        assertThat(probe.writable()).isTrue();
        assertThat(probe.usableBytes()).isPositive();
        assertThat(probe.location()).isEqualTo(root.toAbsolutePath().normalize().toString());
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith(".probe"))).isEmpty();
        }
    }

    @Test
    void probeReportsAnUnwritableRoot() throws Exception {
        Path file = Files.writeString(root.resolve("a-file"), "x");
        BlobStore.HealthProbe probe = new FilesystemBlobStore(file.resolve("blobs")).probe();
        assertThat(probe.writable()).isFalse();
        assertThat(probe.detail()).startsWith("not writable");
    }

    @Test
    void listingPagesThroughEveryDigestInAscendingOrder() throws Exception {
        BlobStore store = store();
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            stored.add(store.put(bytes("blob " + i)).digest());
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
    }

    @Test
    void aDeletedBlobIsGoneAndDeletingItAgainSaysSo() throws Exception {
        BlobStore store = store();
        String kept = store.put(bytes("kept")).digest();
        String gone = store.put(bytes("gone")).digest();
        assertThat(store.delete(gone)).isTrue();
        assertThat(store.open(gone)).isEmpty();
        assertThat(store.size(gone)).isEmpty();
        assertThat(store.delete(gone)).isFalse();
        assertThat(store.delete("../../etc/passwd")).isFalse();
        assertThat(store.list(null, 10)).containsExactly(kept);
    }

    @Test
    void theFilesystemHasNoPresignedUrlsSoCallersStreamTheBytes() throws Exception {
        BlobStore store = store();
        String digest = store.put(bytes("streamed")).digest();
        assertThat(store.presignedDownload(digest, java.time.Duration.ofMinutes(5))).isEmpty();
    }

    private List<Path> blobFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve("sha256"))) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve("sha256/.tmp"))).toList();
        }
    }

    private List<Path> tempFiles() throws IOException {
        Path temp = root.resolve("sha256/.tmp");
        if (!Files.exists(temp)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(temp)) {
            return list.toList();
        }
    }

    @Test
    void aSweepClearsTempFilesOfKilledPutsAndPutsBackABlobAKilledSweepLeftInTheTrashOnceOlderThanTheCutoff()
            throws Exception {
        BlobStore store = store();
        StoredBlob moved = store.put(bytes("moved aside by a sweep that was killed before it decided"));
        StoredBlob twice = store.put(bytes("in the trash and in its place"));
        Path sha256 = root.resolve("sha256");
        Path trash = Files.createDirectories(sha256.resolve(".trash"));
        Path trashed = trash.resolve(moved.digest() + "-" + UUID.randomUUID());
        Files.move(sha256.resolve(moved.digest().substring(0, 2)).resolve(moved.digest()), trashed);
        Path copy = Files.copy(sha256.resolve(twice.digest().substring(0, 2)).resolve(twice.digest()),
                trash.resolve(twice.digest() + "-" + UUID.randomUUID()));
        Path part = Files.writeString(Files.createDirectories(sha256.resolve(".tmp")).resolve(UUID.randomUUID() + ".part"),
                "half a put");
        assertThat(store.clearLeftoversUntouchedSince(Instant.now().minus(Duration.ofHours(1))))
                .as("a put or sweep may still be at work on them").isZero();
        for (Path left : List.of(trashed, copy, part)) {
            Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        }

        assertThat(store.clearLeftoversUntouchedSince(Instant.now().minus(Duration.ofHours(1)))).isEqualTo(3);
        assertThat(List.of(trashed, copy, part)).noneMatch(Files::exists);
        assertThat(store.open(moved.digest()).orElseThrow().readAllBytes()).as("put back, for a later sweep to judge")
                .isEqualTo("moved aside by a sweep that was killed before it decided".getBytes(StandardCharsets.UTF_8));
        assertThat(store.list(null, 10)).containsExactlyInAnyOrder(moved.digest(), twice.digest());
        assertThat(store.clearLeftoversUntouchedSince(Instant.now())).as("nothing left").isZero();
    }

    @Test
    void aSweepDeletesOnlyABlobNotWrittenOrReusedSinceItsCutoff() throws Exception {
        BlobStore store = store();
        StoredBlob old = store.put(bytes("old and unreferenced"));
        StoredBlob reused = store.put(bytes("old but reused by an ingest"));
        StoredBlob rewritten = store.put(bytes("old but put again"));
        Path oldFile = root.resolve("sha256").resolve(old.digest().substring(0, 2)).resolve(old.digest());
        for (StoredBlob blob : List.of(old, reused, rewritten)) {
            Files.setLastModifiedTime(root.resolve("sha256").resolve(blob.digest().substring(0, 2))
                    .resolve(blob.digest()), FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        }
        Instant cutoff = Instant.now().minus(Duration.ofHours(1));
        assertThat(store.retain(reused.digest())).contains(reused);
        store.put(bytes("old but put again"));

        assertThat(store.deleteIfUnwrittenSince(old.digest(), cutoff)).contains(old.sizeBytes());
        assertThat(oldFile).doesNotExist();
        assertThat(store.deleteIfUnwrittenSince(reused.digest(), cutoff)).isEmpty();
        assertThat(store.deleteIfUnwrittenSince(rewritten.digest(), cutoff)).isEmpty();
        assertThat(store.size(reused.digest())).contains(reused.sizeBytes());
        assertThat(store.size(rewritten.digest())).contains(rewritten.sizeBytes());
        assertThat(store.deleteIfUnwrittenSince(old.digest(), cutoff)).as("already gone").isEmpty();
        assertThat(store.retain(old.digest())).as("nothing to retain").isEmpty();
        assertThat(store.list(null, 10)).containsExactlyInAnyOrder(reused.digest(), rewritten.digest());
    }
}
