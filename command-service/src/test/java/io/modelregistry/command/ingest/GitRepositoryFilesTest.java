package io.modelregistry.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.fakehub.GitRepositories;
import io.modelregistry.rating.GitServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** A GitHub repository's files at one commit, fetched with git over smart HTTP from the fake hub, stored verified. */
class GitRepositoryFilesTest {

    private static final FakeHub HUB = FakeHub.start();
    private static final Map<String, byte[]> FILES = new LinkedHashMap<>();
    private static String commit;

    @TempDir
    Path blobDir;

    @BeforeAll
    static void serveARepository(@TempDir Path repos) {
        FILES.put("README.md", "# tiny\n".getBytes(StandardCharsets.UTF_8));
        FILES.put("src/train.py", "print('train')\n".getBytes(StandardCharsets.UTF_8));
        FILES.put("data/sample.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        byte[] weights = new byte[300_000];
        new SplittableRandom(7).nextBytes(weights);
        FILES.put("weights/model.bin", weights);
        commit = GitRepositories.commit(repos, "acme", "tiny", FILES);
        HUB.serveGit(repos);
    }

    @AfterAll
    static void stop() {
        HUB.close();
    }

    private GitRepositoryFiles files(GitFetchSettings settings, BlobStore blobs) {
        return new GitRepositoryFiles(GitServer.of(HUB.gitServerUrl(), null), settings, blobs);
    }

    @Test
    void everyFileOfTheBranchHeadIsStoredAsTheBlobItsGitIdNames() throws Exception {
        BlobStore blobs = new FilesystemBlobStore(blobDir);
        GitRepositoryFiles.Snapshot snapshot = files(GitFetchSettings.defaults(), blobs).fetch("Acme/Tiny", "main")
                .orElseThrow();
        assertThat(snapshot.commit()).isEqualTo(commit);
        assertThat(snapshot.declaredBytes()).isEqualTo(FILES.values().stream().mapToLong(b -> b.length).sum());
        assertThat(snapshot.listing()).extracting(PackageFile::path).containsExactlyInAnyOrderElementsOf(FILES.keySet());
        assertThat(snapshot.listing()).allSatisfy(file -> assertThat(file.stored()).isTrue());
        assertThat(snapshot.stored()).hasSize(FILES.size());
        for (VerifiedFiles.StoredFile file : snapshot.stored()) {
            try (InputStream in = blobs.open(file.sha256()).orElseThrow()) {
                assertThat(in.readAllBytes()).as(file.path()).isEqualTo(FILES.get(file.path()));
            }
        }
        assertThat(snapshot.note()).contains("stored every file of commit " + commit);
    }

    @Test
    void filesOverTheBoundsAreListedNotStoredAndTheNoteSaysHowMany() throws Exception {
        BlobStore blobs = new FilesystemBlobStore(blobDir);
        long total = FILES.values().stream().mapToLong(b -> b.length).sum();
        GitFetchSettings smallFiles = new GitFetchSettings(10, DataSize.ofKilobytes(100), DataSize.ofMegabytes(1),
                Duration.ofSeconds(60));
        GitRepositoryFiles.Snapshot snapshot = files(smallFiles, blobs).fetch("acme/tiny", "main").orElseThrow();
        Map<String, Boolean> stored = snapshot.listing().stream()
                .collect(Collectors.toMap(PackageFile::path, PackageFile::stored));
        assertThat(stored).containsEntry("weights/model.bin", false).containsEntry("README.md", true).hasSize(4);
        assertThat(snapshot.stored()).extracting(VerifiedFiles.StoredFile::path).doesNotContain("weights/model.bin");
        assertThat(snapshot.note()).contains("1 files over 102400 bytes are listed, not stored").contains("within the bounds");
        assertThat(snapshot.declaredBytes()).isEqualTo(total);

        GitFetchSettings fewFiles = new GitFetchSettings(3, DataSize.ofMegabytes(256), DataSize.ofMegabytes(1),
                Duration.ofSeconds(60));
        GitRepositoryFiles.Snapshot cut = files(fewFiles, blobs).fetch("acme/tiny", "main").orElseThrow();
        assertThat(cut.listing()).extracting(PackageFile::path)
                .containsExactly("README.md", "data/sample.csv", "src/train.py");
        assertThat(cut.note()).contains("1 files beyond the first 3 are not listed");
        assertThat(cut.declaredBytes()).as("every file is counted, listed or not").isEqualTo(total);

        GitFetchSettings smallTotal = new GitFetchSettings(10, DataSize.ofMegabytes(256), DataSize.ofKilobytes(250),
                Duration.ofSeconds(60));
        GitRepositoryFiles.Snapshot capped = files(smallTotal, blobs).fetch("acme/tiny", "main").orElseThrow();
        assertThat(capped.stored()).extracting(VerifiedFiles.StoredFile::path)
                .containsExactly("README.md", "data/sample.csv", "src/train.py");
        assertThat(capped.note()).contains("1 files past 256000 bytes in total are listed, not stored");

        GitFetchSettings tinyPack = new GitFetchSettings(10, DataSize.ofKilobytes(10), DataSize.ofKilobytes(10),
                Duration.ofSeconds(60));
        assertThat(files(tinyPack, blobs).fetch("acme/tiny", "main"))
                .as("a fetch whose pack outgrows the bounds is cancelled, or is refused once it is on disk").isEmpty();
    }

    @Test
    void aRepositoryGitCannotFetchGivesNothingAndStoresNothing() throws Exception {
        BlobStore blobs = new FilesystemBlobStore(blobDir);
        assertThat(files(GitFetchSettings.defaults(), blobs).fetch("acme/missing", "main")).isEmpty();
        assertThat(files(GitFetchSettings.defaults(), blobs).fetch("acme/tiny", "no-such-branch")).isEmpty();
    }

    @Test
    void bytesThatAreNotTheFileGitNamesAreRefusedWithNothingStored() throws Exception {
        BlobStore blobs = new FilesystemBlobStore(blobDir);
        PackageFile listed = new PackageFile("x.txt", 5, "git-sha1:" + "0".repeat(40), false);
        assertThatThrownBy(() -> VerifiedFiles.store("GitHub", new ByteArrayInputStream("hello".getBytes(
                StandardCharsets.US_ASCII)), listed, blobs)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("another git blob id");
        assertThat(blobs.size("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")).isEmpty();
    }
}
