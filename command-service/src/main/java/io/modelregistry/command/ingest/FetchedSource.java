package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.SourceRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fetcher learned about a source, before it is bundled.
 *
 * @param source        the resolved reference: canonical repo id (after HF redirects / GitHub's full_name) and
 *                      the revision actually read (a commit sha where the source tells one)
 * @param files         the listing; {@code stored} is true exactly for the keys of {@code storedFiles}
 * @param storedFiles   repo path → bytes to put in the bundle, in bundle order
 * @param declaredBytes what a full download of the source costs, in bytes
 * @param streamedFiles files streamed straight into the blob store (weights and other large files), verified
 */
record FetchedSource(SourceRef source, List<PackageFile> files, Map<String, byte[]> storedFiles, long declaredBytes,
                     ArtifactDocuments docs, String licence, String note, List<VerifiedFiles.StoredFile> streamedFiles) {

    FetchedSource {
        files = List.copyOf(files);
        storedFiles = Collections.unmodifiableMap(new LinkedHashMap<>(storedFiles));
        docs = docs == null ? ArtifactDocuments.none() : docs;
        streamedFiles = streamedFiles == null ? List.of() : List.copyOf(streamedFiles);
    }

    FetchedSource(SourceRef source, List<PackageFile> files, Map<String, byte[]> storedFiles, long declaredBytes,
                  ArtifactDocuments docs, String licence, String note) {
        this(source, files, storedFiles, declaredBytes, docs, licence, note, List.of());
    }
}
