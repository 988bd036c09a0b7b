package io.modelregistry.command.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class UploadInspectorTest {

    @TempDir
    Path temp;

    private final UploadInspector inspector = new UploadInspector(UploadProperties.defaults());

    private InspectedUpload inspect(byte[] zip, ArtifactType type) throws IOException {
        return inspect(inspector, zip, type);
    }

    private InspectedUpload inspect(UploadInspector with, byte[] zip, ArtifactType type) throws IOException {
        Path file = Files.createTempFile(temp, "upload", ".zip");
        Files.write(file, zip);
        return with.inspect(file, type);
    }

    private void assertRefused(byte[] zip, ArtifactType type, String reason) {
        assertRefused(inspector, zip, type, reason);
    }

    private void assertRefused(UploadInspector with, byte[] zip, ArtifactType type, String reason) {
        assertThatThrownBy(() -> inspect(with, zip, type))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST))
                .hasMessageContaining(reason);
    }

    @Test
    void aModelLaidOutLikeAHuggingFaceRepositoryPassesWithItsCountedSizesAndDocuments() throws IOException {
        Map<String, byte[]> files = TestZips.model("---\nlicense: apache-2.0\n---\n# Acme");
        InspectedUpload upload = inspect(TestZips.zip(files), ArtifactType.MODEL);
        assertThat(upload.files()).extracting(InspectedUpload.File::path)
                .containsExactly("README.md", "config.json", "model.safetensors");
        assertThat(upload.files().get(2).size()).isEqualTo(200_000);
        assertThat(new String(upload.readme(), StandardCharsets.UTF_8)).contains("license: apache-2.0");
        assertThat(upload.configJson()).isEqualTo(files.get("config.json"));
    }

    @Test
    void oneTopLevelFolderAroundEverythingIsStripped() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        TestZips.model("# Acme").forEach((name, bytes) -> files.put("acme/" + name, bytes));
        InspectedUpload upload = inspect(TestZips.zip(files), ArtifactType.MODEL);
        assertThat(upload.prefix()).isEqualTo("acme/");
        assertThat(upload.files()).extracting(InspectedUpload.File::path).contains("README.md", "config.json");
    }

    @Test
    void aModelWithoutACardOrWithoutConfigAndWeightsIsRefused() {
        assertRefused(TestZips.zip(TestZips.files("config.json", "{}")), ArtifactType.MODEL, "no README.md");
        assertRefused(TestZips.zip(TestZips.files("README.md", "# x", "notes.txt", "hi")), ArtifactType.MODEL,
                "no config.json and no weights file");
    }

    @Test
    void datasetsNeedACardAndADataFileAndCodeNeedsASourceFile() throws IOException {
        assertRefused(TestZips.zip(TestZips.files("README.md", "# d")), ArtifactType.DATASET, "data file");
        assertThat(inspect(TestZips.zip(TestZips.files("README.md", "# d", "train.csv", "a,b\n1,2\n")),
                ArtifactType.DATASET).files()).hasSize(2);
        assertRefused(TestZips.zip(TestZips.files("README.md", "# c")), ArtifactType.CODE, "source file");
        assertThat(inspect(TestZips.zip(TestZips.files("main.py", "print(1)")), ArtifactType.CODE).files()).hasSize(1);
    }

    @Test
    void pathTraversalAbsolutePathsDriveLettersAndBackslashesAreRefused() {
        for (String name : new String[] {"../evil.py", "a/../../evil.py", "/etc/passwd.py", "C:/evil.py",
                "c:evil.py", "dir\\evil.py", "./main.py", "a//b.py", "ctl\u0001.py", "file.py:stream"}) {
            Map<String, byte[]> files = TestZips.files("main.py", "print(1)");
            files.put(name, "x".getBytes(StandardCharsets.UTF_8));
            // java.util.zip writes names as given (Commons Compress would turn a lone backslash into a slash)
            assertRefused(TestZips.plainZip(files), ArtifactType.CODE, "not a plain relative path");
        }
    }

    @Test
    void symlinksAndSpecialFilesAreRefused() {
        Map<String, byte[]> files = TestZips.files("main.py", "print(1)", "link.py", "/etc/passwd");
        assertRefused(TestZips.withUnixMode(files, "link.py", 0120777), ArtifactType.CODE, "symbolic link");
        assertRefused(TestZips.withUnixMode(files, "link.py", 0010644), ArtifactType.CODE, "special file");
        assertRefused(TestZips.withUnixMode(files, "link.py", 0020644), ArtifactType.CODE, "special file");
    }

    @Test
    void encryptedEntriesAreRefused() {
        assertRefused(TestZips.encrypted(TestZips.zip(TestZips.files("main.py", "print(1)"))), ArtifactType.CODE,
                "encrypted");
    }

    @Test
    void duplicateNamesAlsoByCaseOrUnicodeNormalisationAreRefused() {
        assertRefused(zipAllowingDuplicates("main.py", "main.py"), ArtifactType.CODE, "two entries");
        assertRefused(zipAllowingDuplicates("main.py", "MAIN.py"), ArtifactType.CODE, "two entries");
        // é precomposed (NFC) and as e + combining acute (NFD)
        assertRefused(zipAllowingDuplicates("caf\u00e9.py", "cafe\u0301.py"), ArtifactType.CODE, "two entries");
        assertRefused(zipAllowingDuplicates("lib.py", "lib.py/x.py"), ArtifactType.CODE, "both as a file and as a folder");
    }

    @Test
    void overlappingEntriesPointingAtTheSameDataAreRefused() {
        assertRefused(TestZips.overlapping(new byte[1000], 5), ArtifactType.DATASET, "share bytes");
    }

    @Test
    void aHighlyCompressedEntryStopsAtTheRatioBoundWithoutInflatingFully() {
        byte[] zeros = new byte[64 * 1024 * 1024];
        Map<String, byte[]> files = TestZips.files("README.md", "# d");
        files.put("zeros.csv", zeros);
        byte[] bomb = TestZips.zip(files);
        assertThat(bomb.length).isLessThan(zeros.length / 500);
        assertRefused(bomb, ArtifactType.DATASET, "inflates more than 100 times");
    }

    @Test
    void aNestedZipIsStoredAsAFileAndNeverOpened() throws IOException {
        Map<String, byte[]> innerFiles = new LinkedHashMap<>();
        innerFiles.put("zeros.bin", new byte[32 * 1024 * 1024]);
        byte[] inner = TestZips.zip(innerFiles);
        Map<String, byte[]> outer = TestZips.files("README.md", "# d");
        outer.put("nested.zip", inner);
        InspectedUpload upload = inspect(TestZips.zip(outer, ZipArchiveEntry.STORED), ArtifactType.DATASET);
        assertThat(upload.files()).extracting(InspectedUpload.File::path).containsExactly("README.md", "nested.zip");
        assertThat(upload.files().get(1).size()).isEqualTo(inner.length);
        assertThat(upload.totalBytes()).isLessThan(1024 * 1024);
    }

    @Test
    void declaredSizesThatLieAreRefused() {
        byte[] zip = TestZips.zip(TestZips.files("main.py", "print('a much longer program than declared')"));
        assertRefused(TestZips.lyingSize(zip, 5), ArtifactType.CODE, "declares 5 bytes but holds");
    }

    @Test
    void entryCountPerEntryTotalAndRatioBoundsAreConfigurable() {
        UploadInspector tight = new UploadInspector(new UploadProperties(DataSize.ofMegabytes(10), 3,
                DataSize.ofBytes(1000), DataSize.ofBytes(1500), 100, DataSize.ofMegabytes(1), DataSize.ofKilobytes(256)));
        assertRefused(tight, TestZips.zip(TestZips.files("a.py", "1", "b.py", "2", "c.py", "3", "d.py", "4")),
                ArtifactType.CODE, "more than 3 entries");
        Map<String, byte[]> big = TestZips.files("a.py", "1");
        big.put("b.py", new byte[1001]);
        assertRefused(tight, TestZips.zip(big, ZipArchiveEntry.STORED), ArtifactType.CODE, "more than 1000 bytes");
        Map<String, byte[]> total = TestZips.files("a.py", "1");
        total.put("b.py", new byte[900]);
        total.put("c.py", new byte[900]);
        assertRefused(tight, TestZips.zip(total, ZipArchiveEntry.STORED), ArtifactType.CODE, "in total");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        assertRefused("not a zip at all, just text".getBytes(StandardCharsets.UTF_8), ArtifactType.CODE,
                "not a zip");
        assertRefused(new byte[0], ArtifactType.CODE, "not a zip");
    }

    /** java.util.zip refuses exact duplicates, so those are written with distinct names and patched. */
    private static byte[] zipAllowingDuplicates(String first, String second) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean patch = first.equals(second);
        String written = patch ? second.replace("m", "n") : second;
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (String name : new String[] {first, written}) {
                out.putNextEntry(new ZipEntry(name));
                out.write("print(1)".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] zip = bytes.toByteArray();
        if (patch) {
            String text = new String(zip, StandardCharsets.ISO_8859_1).replace(written, second);
            zip = text.getBytes(StandardCharsets.ISO_8859_1);
        }
        return zip;
    }
}
