package io.modelregistry.query.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.query.ReadModels;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The directory keeps every version; the artifact's record is its latest by precedence, whatever the order added. */
class DirectoryVersionsTest {

    private final ReadModels readModels = new ReadModels();
    private final ArtifactDirectory directory = readModels.bean(ArtifactDirectory.class);

    @AfterEach
    void close() {
        readModels.close();
    }

    @Test
    void everyVersionIsKeptNewestFirstAndTheArtifactIsItsHighestVersion() {
        readModels.publish(new ArtifactRegistered("1", ArtifactType.MODEL, "tiny", content("1.0.0", 'a'), ReadModels.ADMIN,
                ReadModels.AT));
        readModels.publish(new ArtifactVersionAdded("1", ArtifactType.MODEL, "tiny", content("1.1.0", 'b'),
                new io.modelregistry.api.artifact.Actor("uploader", false), ReadModels.AT.plusSeconds(60)));
        readModels.publish(new ArtifactVersionAdded("1", ArtifactType.MODEL, "tiny", content("0.9.0", 'c'),
                ReadModels.ADMIN, ReadModels.AT.plusSeconds(120)));
        readModels.publish(new ArtifactVersionAdded("1", ArtifactType.MODEL, "tiny", content("1.1.1-rc.1", 'd'),
                ReadModels.ADMIN, ReadModels.AT.plusSeconds(180)));

        assertThat(directory.versions("1")).extracting(ArtifactRecord::version)
                .containsExactly("1.1.1-rc.1", "1.1.0", "1.0.0", "0.9.0");
        ArtifactRecord artifact = directory.find("1").orElseThrow();
        assertThat(artifact.version()).isEqualTo("1.1.1-rc.1");
        assertThat(artifact.packageDigest()).isEqualTo("d".repeat(64));
        assertThat(artifact.registeredBy()).as("the artifact's provenance is its registration's").isEqualTo("admin");
        assertThat(directory.find("1", "1.1.0")).hasValueSatisfying(v -> {
            assertThat(v.packageDigest()).isEqualTo("b".repeat(64));
            assertThat(v.registeredBy()).isEqualTo("uploader");
            assertThat(v.registeredAt()).isEqualTo(ReadModels.AT.plusSeconds(60));
        });
        assertThat(directory.find("1", "1.1.0+build.3")).isPresent();
        assertThat(directory.find("1", "2.0.0")).isEmpty();
        assertThat(directory.livePackageDigests())
                .contains("a".repeat(64), "b".repeat(64), "c".repeat(64), "d".repeat(64));
    }

    @Test
    void anUpdateReplacesTheLatestVersionsContentAndKeepsTheOthers() {
        readModels.publish(new ArtifactRegistered("1", ArtifactType.MODEL, "tiny", content("1.0.0", 'a'), ReadModels.ADMIN,
                ReadModels.AT));
        readModels.publish(new ArtifactVersionAdded("1", ArtifactType.MODEL, "tiny", content("1.1.0", 'b'),
                ReadModels.ADMIN, ReadModels.AT.plusSeconds(60)));
        readModels.publish(new ArtifactUpdated("1", ArtifactType.MODEL, "tiny", content("1.1.0", 'e'), ReadModels.ADMIN,
                ReadModels.AT.plusSeconds(120)));
        assertThat(directory.find("1").orElseThrow().packageDigest()).isEqualTo("e".repeat(64));
        assertThat(directory.versions("1")).extracting(ArtifactRecord::packageDigest)
                .containsExactly("e".repeat(64), "a".repeat(64));
        assertThat(directory.livePackageDigests()).contains("a".repeat(64), "e".repeat(64))
                .doesNotContain("b".repeat(64));

        readModels.publish(new ArtifactDeleted("1", ArtifactType.MODEL, "tiny", ReadModels.ADMIN, ReadModels.AT));
        assertThat(directory.versions("1")).isEmpty();
        assertThat(directory.livePackageDigests()).isEmpty();
    }

    @Test
    void anArtifactRecordedBeforeVersionsKeepsItsOneVersionWhenAnotherIsAdded() {
        readModels.publish(new ArtifactRegistered("1", ArtifactType.MODEL, "tiny", content(null, 'a'), ReadModels.ADMIN,
                ReadModels.AT));
        // as a database filled before versions existed: a directory row without a version, no version rows
        JdbcTemplate jdbc = readModels.bean(JdbcTemplate.class);
        jdbc.update("UPDATE artifact_directory SET version = NULL");
        jdbc.update("DELETE FROM artifact_version");
        assertThat(directory.versions("1")).extracting(ArtifactRecord::version).containsExactly("1.0.0");

        readModels.publish(new ArtifactVersionAdded("1", ArtifactType.MODEL, "tiny", content("2.0.0", 'b'),
                ReadModels.ADMIN, ReadModels.AT.plusSeconds(60)));
        assertThat(directory.versions("1")).extracting(ArtifactRecord::version).containsExactly("2.0.0", "1.0.0");
        assertThat(directory.find("1").orElseThrow().version()).isEqualTo("2.0.0");
    }

    private static ArtifactContent content(String version, char digest) {
        String url = "https://huggingface.co/arnir0/Tiny-LLM";
        return new ArtifactContent(url, new SourceRef(SourceKind.HUGGINGFACE_MODEL, "arnir0/Tiny-LLM", "main", null, url),
                new StoredPackage(String.valueOf(digest).repeat(64), 10, 100, List.of()), ArtifactDocumentRefs.none(),
                "mit", null, version);
    }
}
