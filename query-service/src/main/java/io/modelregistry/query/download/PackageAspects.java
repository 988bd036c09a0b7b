package io.modelregistry.query.download;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What each download of an artifact is: the full package, or one aspect of it, where the {@code datasets} aspect
 * of a model is its own data files plus the packages of the datasets its lineage links to ({@link LinkedDatasets}).
 * The download and the cost per aspect both ask here, so the sizes a cost reports are the bytes a download sends.
 */
@Component
public class PackageAspects {

    /** The registry's provenance file in every package: its listing says what the source declared. */
    static final String PROVENANCE = "registry-manifest.json";
    private static final long MAX_PROVENANCE_BYTES = 64L * 1024 * 1024;

    private final PackageContents packages;
    private final LinkedDatasets linkedDatasets;
    private final ObjectMapper json = new ObjectMapper();

    PackageAspects(PackageContents packages, LinkedDatasets linkedDatasets) {
        this.packages = packages;
        this.linkedDatasets = linkedDatasets;
    }

    /** One download: its zip and the ETag that names exactly these bytes. */
    record Download(PackageZip zip, String etag) {
    }

    /** @param aspect the part asked for, or null for the full package */
    Download download(ArtifactRecord record, Aspect aspect) {
        if (aspect != Aspect.DATASETS) {
            return new Download(packages.zip(record, aspect),
                    "\"" + record.packageDigest() + (aspect == null ? "" : "-" + aspect.wireName()) + "\"");
        }
        PackageManifest own = packages.manifest(record).orElseThrow(() -> legacy(record));
        LinkedDatasets.Composition composed = linkedDatasets.compose(record, own);
        return new Download(PackageZip.of(composed.entries(), composed.inline()),
                "\"" + composed.digest() + "-datasets\"");
    }

    /**
     * Sizes of one download in bytes: what the source's listing declares, what the registry stores, and the
     * exact length of the zip a download sends ({@code null}, so absent from the answer, for {@code other}, which is
     * only in the full package).
     */
    public record Part(long declaredBytes, long storedBytes, Long downloadBytes, int files) {
    }

    /** A linked dataset inside a model's {@code datasets} aspect. */
    public record LinkedDataset(String id, String name, String folder, long declaredBytes, long storedBytes) {
    }

    /**
     * The full package and each aspect; {@code aspects} is empty for a package stored before packages had
     * aspects (one bundle zip, only served in full).
     */
    public record Sizes(Part full, Map<Aspect, Part> aspects, List<LinkedDataset> linkedDatasets) {
    }

    public Sizes sizes(ArtifactRecord record) {
        Optional<PackageManifest> manifest = packages.manifest(record);
        if (manifest.isEmpty()) {
            long length = packages.zip(record, null).length();
            return new Sizes(new Part(record.declaredBytes(), record.bundleBytes(), length, 0), Map.of(), List.of());
        }
        PackageManifest own = manifest.get();
        Map<Aspect, Long> declared = declaredByAspect(own);
        Map<Aspect, Part> aspects = new EnumMap<>(Aspect.class);
        List<LinkedDataset> linked = new ArrayList<>();
        for (Aspect aspect : Aspect.values()) {
            List<PackageManifest.Entry> entries = own.select(aspect);
            long declaredBytes = declared.getOrDefault(aspect, 0L);
            Long download = aspect == Aspect.OTHER ? null : PackageZip.of(entries).length();
            if (aspect == Aspect.DATASETS) {
                LinkedDatasets.Composition composed = linkedDatasets.compose(record, own);
                entries = composed.entries();
                download = PackageZip.of(entries, composed.inline()).length();
                for (LinkedDatasets.Included dataset : composed.included()) {
                    declaredBytes += dataset.declaredBytes();
                    linked.add(new LinkedDataset(dataset.id(), dataset.name(), dataset.folder(),
                            dataset.declaredBytes(), stored(dataset.entries())));
                }
            }
            aspects.put(aspect, new Part(declaredBytes, stored(entries), download, entries.size()));
        }
        Part full = new Part(record.declaredBytes(), stored(own.entries()), PackageZip.of(own.entries()).length(),
                own.entries().size());
        return new Sizes(full, aspects, List.copyOf(linked));
    }

    private static long stored(List<PackageManifest.Entry> entries) {
        return entries.stream().mapToLong(PackageManifest.Entry::size).sum();
    }

    /**
     * Sums the provenance file's listing per aspect (every listed file, stored or not). A listing entry without an
     * aspect (older packages) gets its path's aspect, as everywhere else.
     */
    private Map<Aspect, Long> declaredByAspect(PackageManifest own) {
        Map<Aspect, Long> declared = new EnumMap<>(Aspect.class);
        Optional<PackageManifest.Entry> provenance = own.entries().stream()
                .filter(e -> e.path().equals(PROVENANCE)).findFirst();
        if (provenance.isEmpty() || provenance.get().size() > MAX_PROVENANCE_BYTES) {
            return declared;
        }
        BlobStore blobs = packages.blobs();
        JsonNode files;
        try (InputStream in = blobs.open(provenance.get().sha256()).orElse(null)) {
            if (in == null) {
                return declared;
            }
            files = json.readTree(in.readNBytes((int) MAX_PROVENANCE_BYTES)).path("files");
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JacksonException) {
                return declared; // an unreadable listing declares nothing per aspect
            }
            throw new UncheckedIOException(e);
        }
        for (JsonNode file : files) {
            String path = file.path("path").asText("");
            if (path.isEmpty()) {
                continue;
            }
            Aspect aspect = Aspect.requestable(file.path("aspect").asText("")).orElse(
                    "other".equals(file.path("aspect").asText()) ? Aspect.OTHER : Aspect.of(path));
            declared.merge(aspect, Math.max(0, file.path("size").asLong()), Long::sum);
        }
        return declared;
    }

    private static RegistryException legacy(ArtifactRecord record) {
        return ErrorMessage.DOWNLOAD_PACKAGE_ARTIFACT_STORED_BEFORE.exception(record.id());
    }
}
