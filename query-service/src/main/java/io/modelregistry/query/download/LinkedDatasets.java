package io.modelregistry.query.download;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.projection.lineage.LineageReadModel;
import io.modelregistry.projection.lineage.ResolvedRelationship;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.springframework.stereotype.Component;

/**
 * The datasets a model's lineage links to that are held here, as entries of the model's {@code datasets} aspect:
 * each dataset's whole package under {@code datasets/<dataset name>/...}. Resolved when read by the lineage read
 * model (the same resolution the lineage graph and the cost use), so a dataset registered after the model joins
 * its datasets aspect, and a deleted one leaves it, without rewriting anything.
 *
 * <ul>
 *   <li>Only the datasets the model itself declares (its card's {@code datasets}, training links in its prose),
 *       not those of its parent models: they are the parents' own datasets aspects.</li>
 *   <li>A folder name is the dataset's name with characters outside {@code [A-Za-z0-9._-]} replaced by
 *       {@code _}; when two linked datasets have the same name, or the model's own files already use the folder,
 *       the later one (in declaration order) gets {@code <name>-<artifact id>} (ids are unique).</li>
 *   <li>A declared dataset that is not (or no longer) registered, one whose package was stored before packages
 *       had manifests, and one beyond the bounds are named in {@value #MISSING} with the reason; that note exists
 *       only when something is missing.</li>
 * </ul>
 */
@Component
class LinkedDatasets {

    static final String FOLDER = "datasets/";
    static final String MISSING = "datasets/MISSING.txt";
    /** Linked datasets taken into one download; relationships are bounded at 64 per model anyway. */
    static final int MAX_DATASETS = 32;

    private final LineageReadModel lineage;
    private final ArtifactDirectory directory;
    private final PackageContents packages;

    LinkedDatasets(LineageReadModel lineage, ArtifactDirectory directory, PackageContents packages) {
        this.lineage = lineage;
        this.directory = directory;
        this.packages = packages;
    }

    /** One linked dataset in a download: which artifact, its folder, and what it adds. */
    record Included(String id, String name, String folder, String packageDigest, long declaredBytes,
                    List<PackageManifest.Entry> entries) {
    }

    /**
     * The model's own data files followed by its linked datasets' files (and the note, when something is missing).
     *
     * @param inline the note's bytes by sha-256 (not a blob: the download writes it)
     */
    record Composition(List<PackageManifest.Entry> entries, List<Included> included, Map<String, byte[]> inline) {

        /** Names the composed content: changes when the model's or any linked dataset's files change. */
        String digest() {
            return sha256(new PackageManifest(entries).encode());
        }
    }

    Composition compose(ArtifactRecord model, PackageManifest own) {
        List<PackageManifest.Entry> entries = new ArrayList<>(own.select(Aspect.DATASETS));
        Set<String> usedFolders = new HashSet<>();
        for (PackageManifest.Entry entry : own.entries()) {
            if (entry.path().startsWith(FOLDER)) {
                int slash = entry.path().indexOf('/', FOLDER.length());
                usedFolders.add((slash < 0 ? entry.path() : entry.path().substring(0, slash)).toLowerCase(Locale.ROOT));
            }
        }
        List<Included> included = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ResolvedRelationship relationship : lineage.declaredBy(model.id())) {
            DeclaredRelationship declared = relationship.declared();
            if (!DeclaredRelationship.DATASET.equals(declared.targetKind())) {
                continue;
            }
            if (relationship.targetIds().isEmpty()) {
                missing.add(declared.target() + " (" + declared.evidence() + "): not registered here (never, or deleted)");
                continue;
            }
            for (String id : relationship.targetIds()) {
                if (!seen.add(id)) {
                    continue;
                }
                Optional<ArtifactRecord> dataset = directory.find(id).filter(r -> r.type() == ArtifactType.DATASET);
                if (dataset.isEmpty()) {
                    missing.add(declared.target() + " (" + declared.evidence() + "): dataset " + id
                            + " is no longer registered");
                    continue;
                }
                if (included.size() >= MAX_DATASETS) {
                    missing.add(dataset.get().name() + " (dataset " + id + "): more than " + MAX_DATASETS
                            + " linked datasets; download it on its own");
                    continue;
                }
                Optional<PackageManifest> manifest = packages.manifest(dataset.get());
                if (manifest.isEmpty()) {
                    missing.add(dataset.get().name() + " (dataset " + id + "): stored before packages had"
                            + " manifests; download it on its own, or update it to store it anew");
                    continue;
                }
                if (entries.size() + manifest.get().entries().size() >= PackageManifest.MAX_ENTRIES) {
                    missing.add(dataset.get().name() + " (dataset " + id + "): more files than one download holds"
                            + "; download it on its own");
                    continue;
                }
                String folder = folder(dataset.get(), usedFolders);
                List<PackageManifest.Entry> moved = new ArrayList<>();
                for (PackageManifest.Entry entry : manifest.get().entries()) {
                    moved.add(new PackageManifest.Entry(folder + "/" + entry.path(), entry.size(), entry.sha256(),
                            entry.crc32(), Aspect.DATASETS));
                }
                entries.addAll(moved);
                included.add(new Included(id, dataset.get().name(), folder, dataset.get().packageDigest(),
                        dataset.get().declaredBytes(), List.copyOf(moved)));
            }
        }
        Map<String, byte[]> inline = new LinkedHashMap<>();
        if (!missing.isEmpty() && entries.stream().noneMatch(e -> e.path().equals(MISSING))) {
            StringBuilder note = new StringBuilder("Datasets this model declares that are not in this download:\n\n");
            missing.forEach(line -> note.append("- ").append(line).append('\n'));
            byte[] bytes = note.toString().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            String sha = sha256(bytes);
            entries.add(new PackageManifest.Entry(MISSING, bytes.length, sha, crc.getValue(), Aspect.DATASETS));
            inline.put(sha, bytes);
        }
        return new Composition(List.copyOf(entries), List.copyOf(included), inline);
    }

    private static String folder(ArtifactRecord dataset, Set<String> used) {
        String safe = dataset.name().replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 100) {
            safe = safe.substring(0, 100);
        }
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            safe = "dataset";
        }
        String folder = FOLDER + safe;
        if (!used.add(folder.toLowerCase(Locale.ROOT))) {
            folder = FOLDER + safe + "-" + dataset.id();
            used.add(folder.toLowerCase(Locale.ROOT));
        }
        return folder;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
