package io.modelregistry.query.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.PackageManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a download is sent from hold exactly the bytes it would stream, and the cache of them stays bounded. */
class DownloadFilesTest {

    @TempDir
    Path temp;

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);

    @Test
    void anAssembledZipFileHoldsExactlyTheStreamedBytesAndIsReusedForTheSameEtag() throws Exception {
        PackageZipTest.Blobs blobs = new PackageZipTest.Blobs(temp.resolve("blobs"), true);
        PackageZip zip = PackageZip.of(List.of(blobs.add("README.md", "# card\n"),
                blobs.add("weights/model.safetensors", "w".repeat(100_000))));
        DownloadFiles files = new DownloadFiles(temp.resolve("cache"), 1 << 20, clock::get);

        Optional<Path> file = files.fileOf(zip, "\"etag-1\"", blobs);

        assertThat(file).isPresent();
        assertThat(Files.readAllBytes(file.get())).isEqualTo(PackageZipTest.write(zip, blobs, 0, zip.length() - 1));
        assertThat(files.fileOf(zip, "\"etag-1\"", blobs)).contains(file.get());
        assertThat(files.cachedBytes()).isEqualTo(zip.length());
    }

    @Test
    void aDownloadThatIsOneBlobIsSentFromTheBlobsOwnFileWithoutCopying() throws Exception {
        PackageZipTest.Blobs blobs = new PackageZipTest.Blobs(temp.resolve("blobs"), true);
        PackageManifest.Entry weights = blobs.add("model.safetensors", "w".repeat(1000));
        DownloadFiles files = new DownloadFiles(temp.resolve("cache"), 1 << 20, clock::get);

        assertThat(files.fileOf(PackageZip.ofFile(weights), "\"" + weights.sha256() + "\"", blobs))
                .contains(blobs.localFile(weights.sha256()).orElseThrow());
        assertThat(files.cachedBytes()).isZero();
    }

    @Test
    void aStoreWithoutLocalFilesGetsNoFileAndItsDownloadsStream() throws Exception {
        PackageZipTest.Blobs blobs = new PackageZipTest.Blobs(temp.resolve("blobs"), false);
        PackageZip zip = PackageZip.of(List.of(blobs.add("README.md", "# card\n")));
        DownloadFiles files = new DownloadFiles(temp.resolve("cache"), 1 << 20, clock::get);

        assertThat(files.fileOf(zip, "\"etag-1\"", blobs)).isEmpty();
        assertThat(files.fileOf(PackageZip.ofStoredZip(zip.hashCode() + "", 7), "\"x\"", blobs)).isEmpty();
    }

    @Test
    void aZipWithAnInlineNoteIsNeverCachedBecauseItsBytesAreWrittenByTheDownload() throws Exception {
        PackageZipTest.Blobs blobs = new PackageZipTest.Blobs(temp.resolve("blobs"), true);
        PackageManifest.Entry note = blobs.add("MISSING.txt", "dataset x is missing");
        PackageZip zip = PackageZip.of(List.of(note), Map.of(note.sha256(), "dataset x is missing".getBytes()));
        DownloadFiles files = new DownloadFiles(temp.resolve("cache"), 1 << 20, clock::get);

        assertThat(files.fileOf(zip, "\"etag-1\"", blobs)).isEmpty();
    }

    @Test
    void theCacheStaysWithinItsBoundEvictingOnlyFilesIdleForAMinute() throws Exception {
        PackageZipTest.Blobs blobs = new PackageZipTest.Blobs(temp.resolve("blobs"), true);
        PackageZip first = PackageZip.of(List.of(blobs.add("a.bin", "a".repeat(6000))));
        PackageZip second = PackageZip.of(List.of(blobs.add("b.bin", "b".repeat(6000))));
        DownloadFiles files = new DownloadFiles(temp.resolve("cache"), 10_000, clock::get);
        Path firstFile = files.fileOf(first, "\"a\"", blobs).orElseThrow();

        assertThat(files.fileOf(second, "\"b\"", blobs)).as("the first file was just used: no room").isEmpty();
        assertThat(firstFile).exists();

        clock.addAndGet(DownloadFiles.MIN_IDLE_NANOS);
        Path secondFile = files.fileOf(second, "\"b\"", blobs).orElseThrow();
        assertThat(firstFile).doesNotExist();
        assertThat(Files.readAllBytes(secondFile)).isEqualTo(PackageZipTest.write(second, blobs, 0, second.length() - 1));
        assertThat(files.cachedBytes()).isEqualTo(second.length()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void filesLeftByAnEarlierProcessAreDeletedAtStart() throws Exception {
        Path cache = Files.createDirectories(temp.resolve("cache"));
        Path stale = Files.writeString(cache.resolve("0".repeat(64) + ".zip"), "half a zip");

        new DownloadFiles(cache, 1 << 20, clock::get);

        assertThat(stale).doesNotExist();
    }
}
