package io.modelregistry.query.download;

import static io.modelregistry.query.ReadModels.trainedOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.projection.lineage.LineageReadModel;
import io.modelregistry.query.ReadModels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which linked datasets a model's datasets aspect holds, under which folder, and what its note says is missing. */
class LinkedDatasetsTest {

    private static final String MODEL = "200000000000000001";
    private static final String SQUAD = "200000000000000002";
    private static final String OTHER_SQUAD = "200000000000000003";

    private final ReadModels readModels = new ReadModels();
    private final MemoryBlobs blobs = new MemoryBlobs();
    // Every entry of these packages is stored: a pull-through fetch would be a defect of the test's fixtures.
    private final PackageContents packages = new PackageContents(blobs, entry -> {
        throw new AssertionError("nothing here is fetched from a hub: " + entry.path());
    });
    private final LinkedDatasets linked = new LinkedDatasets(readModels.bean(LineageReadModel.class),
            readModels.bean(ArtifactDirectory.class), packages);

    @AfterEach
    void close() {
        readModels.close();
    }

    @Test
    void sameNamedDatasetsGetDistinctFoldersAndAnUnregisteredOneIsNamedInTheNote() {
        register(MODEL, ArtifactType.MODEL, "tiny", "acme/tiny", Map.of("data/train.csv", "a,b\n", "README.md", "# m"));
        register(SQUAD, ArtifactType.DATASET, "squad", "acme/squad", Map.of("README.md", "# squad", "train.parquet", "P1"));
        register(OTHER_SQUAD, ArtifactType.DATASET, "squad", "other/squad", Map.of("README.md", "# other"));
        readModels.declare(MODEL, "tiny", false, trainedOn("acme/squad"), trainedOn("other/squad"),
                trainedOn("nowhere/ghost"));

        LinkedDatasets.Composition composed = compose();

        assertThat(composed.entries()).extracting(PackageManifest.Entry::path).containsExactly("data/train.csv",
                "datasets/squad/README.md", "datasets/squad/train.parquet",
                "datasets/squad-" + OTHER_SQUAD + "/README.md", "datasets/MISSING.txt");
        assertThat(composed.entries()).allSatisfy(e -> assertThat(e.aspect()).isEqualTo(Aspect.DATASETS));
        assertThat(composed.included()).extracting(LinkedDatasets.Included::id).containsExactly(SQUAD, OTHER_SQUAD);
        PackageManifest.Entry note = composed.entries().get(4);
        String text = new String(composed.inline().get(note.sha256()), StandardCharsets.UTF_8);
        assertThat(text).contains("nowhere/ghost").contains("not registered here").doesNotContain("acme/squad");
    }

    @Test
    void theDigestChangesWhenALinkedDatasetGoesAndNoNoteIsWrittenWhenNothingIsMissing() {
        register(MODEL, ArtifactType.MODEL, "tiny", "acme/tiny", Map.of("README.md", "# m"));
        register(SQUAD, ArtifactType.DATASET, "squad", "acme/squad", Map.of("README.md", "# squad"));
        readModels.declare(MODEL, "tiny", false, trainedOn("acme/squad"));
        LinkedDatasets.Composition before = compose();
        assertThat(before.entries()).extracting(PackageManifest.Entry::path).containsExactly("datasets/squad/README.md");
        assertThat(before.inline()).isEmpty();

        readModels.publish(new ArtifactDeleted(SQUAD, ArtifactType.DATASET, "squad", ReadModels.ADMIN, ReadModels.AT));
        LinkedDatasets.Composition after = compose();
        assertThat(after.entries()).extracting(PackageManifest.Entry::path).containsExactly("datasets/MISSING.txt");
        assertThat(after.digest()).isNotEqualTo(before.digest());
        assertThat(compose().digest()).as("the same content, the same digest").isEqualTo(after.digest());
    }

    private LinkedDatasets.Composition compose() {
        var model = readModels.bean(ArtifactDirectory.class).find(MODEL).orElseThrow();
        return linked.compose(model, packages.manifest(model).orElseThrow());
    }

    private void register(String id, ArtifactType type, String name, String repoId, Map<String, String> files) {
        List<PackageManifest.Entry> entries = files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(file -> blobs.add(file.getKey(), file.getValue())).toList();
        byte[] manifest = new PackageManifest(entries).encode();
        String digest = LinkedDatasets.sha256(manifest);
        blobs.bytes.put(digest, manifest);
        SourceKind kind = type == ArtifactType.MODEL ? SourceKind.HUGGINGFACE_MODEL : SourceKind.HUGGINGFACE_DATASET;
        String url = "https://huggingface.co/" + (type == ArtifactType.DATASET ? "datasets/" : "") + repoId;
        ArtifactContent content = new ArtifactContent(url, new SourceRef(kind, repoId, "main", null, url),
                new StoredPackage(digest, 10, 10, List.of()), ArtifactDocumentRefs.none(), "apache-2.0", null);
        readModels.publish(new ArtifactRegistered(id, type, name, content, ReadModels.ADMIN, ReadModels.AT));
    }
}
