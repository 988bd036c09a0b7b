package io.modelregistry.query.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip's layout follows from the manifest alone, and the bytes written are exactly that layout. */
class PackageZipTest {

    @TempDir
    Path temp;

    @Test
    void theLengthComputedFromTheManifestIsTheLengthWrittenAndZipReadersAgree() throws Exception {
        Blobs blobs = new Blobs(temp, true);
        List<PackageManifest.Entry> entries = List.of(blobs.add("README.md", "# card\n"),
                blobs.add("config.json", "{\"a\":1}"), blobs.add("weights/model.safetensors", "x".repeat(10_000)),
                blobs.add("empty.txt", ""), blobs.add("naïve/ünïcode.md", "names are UTF-8"));
        PackageZip zip = PackageZip.of(entries);
        byte[] written = write(zip, blobs, 0, zip.length() - 1);
        assertThat((long) written.length).isEqualTo(zip.length());
        Map<String, String> read = readWithZipFile(written);
        assertThat(read).containsOnlyKeys(entries.stream().map(PackageManifest.Entry::path).toList());
        assertThat(read.get("weights/model.safetensors")).hasSize(10_000);
        assertThat(write(zip, new Blobs(temp.resolve("streamed"), false).copyOf(blobs), 0, zip.length() - 1))
                .as("without file channels the stream path gives the same bytes").isEqualTo(written);
    }

    @Test
    void everyRangeIsTheMatchingSliceOfTheWholeZip() throws Exception {
        Blobs blobs = new Blobs(temp, true);
        PackageZip zip = PackageZip.of(List.of(blobs.add("a.md", "alpha"), blobs.add("b.bin", "b".repeat(300))));
        byte[] whole = write(zip, blobs, 0, zip.length() - 1);
        for (long from = 0; from < whole.length; from += 7) {
            for (long to = from; to < whole.length; to += 53) {
                byte[] slice = write(zip, blobs, from, to);
                assertThat(slice).as("bytes %d-%d", from, to)
                        .isEqualTo(java.util.Arrays.copyOfRange(whole, (int) from, (int) to + 1));
            }
        }
    }

    @Test
    void morePackageEntriesThanAPlainZipCountsUseZip64() throws Exception {
        Blobs blobs = new Blobs(temp, true);
        PackageManifest.Entry one = blobs.add("seed.txt", "same bytes");
        List<PackageManifest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            entries.add(new PackageManifest.Entry("f/" + i + ".txt", one.size(), one.sha256(), one.crc32(), Aspect.CONFIG));
        }
        PackageZip zip = PackageZip.of(entries);
        byte[] written = write(zip, blobs, 0, zip.length() - 1);
        Path file = Files.write(temp.resolve("many.zip"), written);
        try (ZipFile read = new ZipFile(file.toFile())) {
            assertThat(read.size()).isEqualTo(70_000);
            assertThat(new String(read.getInputStream(read.getEntry("f/69999.txt")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("same bytes");
        }
    }

    @Test
    void aBlobShorterThanItsManifestFailsRatherThanSendingAShortZip() throws Exception {
        Blobs blobs = new Blobs(temp, true);
        PackageManifest.Entry real = blobs.add("a.txt", "abc");
        PackageZip zip = PackageZip.of(List.of(new PackageManifest.Entry("a.txt", 10, real.sha256(), real.crc32(),
                Aspect.CONFIG)));
        assertThatThrownBy(() -> write(zip, blobs, 0, zip.length() - 1)).isInstanceOf(IOException.class);
    }

    @Test
    void theManifestRoundTripsAndRejectsWhatItNeverWrites() {
        PackageManifest manifest = new PackageManifest(List.of(new PackageManifest.Entry("README.md", 3,
                "a".repeat(64), 0xFFFFFFFFL, Aspect.CARD)));
        assertThat(PackageManifest.decode(manifest.encode())).contains(manifest);
        assertThat(PackageManifest.looksLikeManifest(manifest.encode())).isTrue();
        assertThat(PackageManifest.looksLikeManifest(new byte[] {0x50, 0x4b, 3, 4})).isFalse();
        assertThat(PackageManifest.decode("registry-package 1\nnot\ta\tline\n".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(PackageManifest.decode(("registry-package 1\n" + "a".repeat(64) + "\t3\t0\tcard\t../x\n"
                + "a".repeat(64) + "\t3\t0\tcard\t../x\n").getBytes(StandardCharsets.UTF_8)))
                .as("duplicate paths").isEmpty();
    }

    @Test
    void aRemoteEntryIsLaidOutBeforeItsBytesExistAndWrittenOnceTheyAreFetchedAsIfItHadBeenStored() throws Exception {
        Blobs blobs = new Blobs(temp, true);
        PackageManifest.Entry card = blobs.add("README.md", "# card\n");
        PackageManifest.Entry stored = blobs.add("model.safetensors", "w".repeat(5_000));
        PackageManifest.Entry remote = PackageManifest.Entry.remote(stored.path(), stored.size(), stored.sha256(),
                stored.aspect(), new PackageManifest.Remote(SourceKind.HUGGINGFACE_MODEL, "org/model", "abc123",
                        stored.path()));
        byte[] asStored = write(PackageZip.of(List.of(card, stored)), blobs, 0,
                PackageZip.of(List.of(card, stored)).length() - 1);
        PackageZip zip = PackageZip.of(List.of(card, remote));
        assertThat(zip.length()).as("the layout needs no CRC").isEqualTo(asStored.length);
        assertThat(zip.hasRemoteEntries()).isTrue();
        List<String> fetched = new ArrayList<>();
        PackageZip.Bytes pullThrough = entry -> {
            if (entry.isRemote()) {
                fetched.add(entry.path());
                return stored.crc32();
            }
            return entry.crc32();
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        zip.writeRange(0, zip.length() - 1, blobs, pullThrough, out);
        assertThat(out.toByteArray()).isEqualTo(asStored);
        assertThat(fetched).as("its local header, its bytes and the central directory each ask").hasSize(3);

        PackageZip.Bytes failing = entry -> {
            if (entry.isRemote()) {
                throw new IOException("the hub served other bytes");
            }
            return entry.crc32();
        };
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        zip.writeRange(0, 20, blobs, failing, head);
        assertThat(head.toByteArray()).as("a range within stored entries fetches nothing")
                .isEqualTo(java.util.Arrays.copyOf(asStored, 21));
        assertThatThrownBy(() -> zip.writeRange(zip.length() - 10, zip.length() - 1, blobs, failing,
                new ByteArrayOutputStream())).as("the central directory repeats the remote entry's CRC")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aManifestWithRemoteEntriesRoundTripsAndOneWithoutStillParses() {
        PackageManifest.Entry remote = PackageManifest.Entry.remote("shard 1.bin", 7, "b".repeat(64), Aspect.WEIGHTS,
                new PackageManifest.Remote(SourceKind.HUGGINGFACE_DATASET, "org/data", "0123abc", "shard 1.bin"));
        PackageManifest.Entry stored = new PackageManifest.Entry("README.md", 3, "a".repeat(64), 0xFFL, Aspect.CARD);
        PackageManifest manifest = new PackageManifest(List.of(stored, remote));
        assertThat(PackageManifest.decode(manifest.encode())).contains(manifest);
        assertThat(manifest.stored()).containsExactly(stored);
        assertThat(PackageManifest.decode(("registry-package 1\n" + "a".repeat(64) + "\t3\tff\tcard\tREADME.md\n")
                .getBytes(StandardCharsets.UTF_8))).contains(new PackageManifest(List.of(stored)));
        assertThat(PackageManifest.decode(("registry-package 1\n" + "b".repeat(64)
                + "\t7\t1f\tweights\tx.bin\tHUGGINGFACE_MODEL org/m abc x.bin\n").getBytes(StandardCharsets.UTF_8)))
                .as("a remote entry has no CRC yet").isEmpty();
        assertThat(PackageManifest.decode(("registry-package 1\n" + "b".repeat(64)
                + "\t7\t-\tweights\tx.bin\tGITHUB_REPOSITORY org/m abc x.bin\n").getBytes(StandardCharsets.UTF_8)))
                .as("only HuggingFace files are fetched on demand").isEmpty();
    }

    static byte[] write(PackageZip zip, BlobStore blobs, long from, long to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        zip.writeRange(from, to, blobs, out);
        return out.toByteArray();
    }

    private Map<String, String> readWithZipFile(byte[] zip) throws IOException {
        Path file = Files.write(temp.resolve("read.zip"), zip);
        Map<String, String> entries = new HashMap<>();
        try (ZipFile read = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry entry : read.stream().toList()) {
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
                entries.put(entry.getName(), new String(read.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** Blobs as files in a directory; with {@code channels} false it offers only streams, like an object store. */
    static final class Blobs implements BlobStore {
        private final Path dir;
        private final boolean channels;

        Blobs(Path dir, boolean channels) throws IOException {
            this.dir = Files.createDirectories(dir);
            this.channels = channels;
        }

        PackageManifest.Entry add(String path, String text) throws Exception {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            Files.write(dir.resolve(digest), bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return new PackageManifest.Entry(path, bytes.length, digest, crc.getValue(), Aspect.of(path));
        }

        Blobs copyOf(Blobs other) throws IOException {
            try (var files = Files.list(other.dir)) {
                for (Path file : files.toList()) {
                    if (Files.isRegularFile(file)) {
                        Files.copy(file, dir.resolve(file.getFileName()));
                    }
                }
            }
            return this;
        }

        @Override
        public StoredBlob put(InputStream content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<InputStream> open(String digest) throws IOException {
            Path file = dir.resolve(digest);
            return Files.exists(file) ? Optional.of(new ByteArrayInputStream(Files.readAllBytes(file))) : Optional.empty();
        }

        @Override
        public Optional<FileChannel> openChannel(String digest) throws IOException {
            Path file = dir.resolve(digest);
            return channels && Files.exists(file) ? Optional.of(FileChannel.open(file, StandardOpenOption.READ))
                    : Optional.empty();
        }

        @Override
        public Optional<Path> localFile(String digest) {
            Path file = dir.resolve(digest);
            return channels && Files.exists(file) ? Optional.of(file.toAbsolutePath()) : Optional.empty();
        }

        @Override
        public Optional<Long> size(String digest) throws IOException {
            Path file = dir.resolve(digest);
            return Files.exists(file) ? Optional.of(Files.size(file)) : Optional.empty();
        }

        @Override
        public List<String> list(String afterDigest, int limit) {
            return List.of();
        }

        @Override
        public boolean delete(String digest) {
            return false;
        }

        @Override
        public Optional<URI> presignedDownload(String digest, Duration ttl) {
            return Optional.empty();
        }

        @Override
        public HealthProbe probe() {
            return new HealthProbe(true, 0, dir.toString(), "test");
        }
    }
}
