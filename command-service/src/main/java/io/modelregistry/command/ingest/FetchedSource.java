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
 * @param streamedFiles files streamed straight into the blob store (weights and other large files), verified, or
 *                      found stored already
 * @param remoteFiles   listed files above the eager limit with an LFS sha-256: not stored now, named in the package
 *                      manifest as remote entries and fetched on the first download that needs them
 */
record FetchedSource(SourceRef source, List<PackageFile> files, Map<String, byte[]> storedFiles, long declaredBytes,
                     ArtifactDocuments docs, String licence, String note, List<VerifiedFiles.StoredFile> streamedFiles,
                     List<PackageFile> remoteFiles) {

    FetchedSource {
        remoteFiles = remoteFiles == null ? List.of() : List.copyOf(remoteFiles);
        files = List.copyOf(files);
        storedFiles = Collections.unmodifiableMap(new LinkedHashMap<>(storedFiles));
        docs = docs == null ? ArtifactDocuments.none() : docs;
        streamedFiles = streamedFiles == null ? List.of() : List.copyOf(streamedFiles);
    }

    FetchedSource(SourceRef source, List<PackageFile> files, Map<String, byte[]> storedFiles, long declaredBytes,
                  ArtifactDocuments docs, String licence, String note) {
        this(source, files, storedFiles, declaredBytes, docs, licence, note, List.of(), List.of());
    }

    FetchedSource(SourceRef source, List<PackageFile> files, Map<String, byte[]> storedFiles, long declaredBytes,
                  ArtifactDocuments docs, String licence, String note, List<VerifiedFiles.StoredFile> streamedFiles) {
        this(source, files, storedFiles, declaredBytes, docs, licence, note, streamedFiles, List.of());
    }
}
