package io.modelregistry.command.upload;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.command.weights.PackageWeightsScanner;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.hub.BoundedText;
import io.modelregistry.hub.FrontMatter;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Stores an inspected upload: each file streamed from the zip into the content-addressed blob store (a file
 * another artifact already holds is the same blob, stored once), checked again as it streams against the size and
 * CRC-32 the inspection counted (the spool file is ours, but a second read is cheap insurance), then the
 * {@link PackageManifest} naming them all, then the README and config.json as documents. Every blob is durable
 * when this returns; the event that names them comes after.
 */
final class UploadStorer {

    private static final int MAX_LICENCE_CHARS = 100;

    private final BlobStore blobs;
    private final PackageWeightsScanner weights;
    private final ArtifactDocumentStore documents;
    private final int maxDocumentBytes;

    UploadStorer(BlobStore blobs, PackageWeightsScanner weights, ArtifactDocumentStore documents,
                 int maxDocumentBytes) {
        this.blobs = blobs;
        this.weights = weights;
        this.documents = documents;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** The stored content, with the documents' text for the rating. */
    record Stored(ArtifactContent content, ArtifactDocuments documents) {
    }

    Stored store(Path zipFile, InspectedUpload upload, ArtifactType type, String name, String version)
            throws IOException {
        List<PackageManifest.Entry> entries = new ArrayList<>();
        List<PackageFile> listing = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).setUseUnicodeExtraFields(false).get()) {
            for (InspectedUpload.File file : upload.files()) {
                ZipArchiveEntry entry = only(zip, file.entryName());
                BlobStore.StoredBlob blob;
                try (Rechecked in = new Rechecked(zip.getInputStream(entry), file)) {
                    blob = blobs.put(in);
                }
                entries.add(new PackageManifest.Entry(file.path(), blob.sizeBytes(), blob.digest(), file.crc32(),
                        Aspect.of(file.path())));
                listing.add(new PackageFile(file.path(), blob.sizeBytes(), "sha256:" + blob.digest(), true));
            }
        }
        PackageManifest packageManifest = new PackageManifest(entries);
        BlobStore.StoredBlob manifest = blobs.put(new ByteArrayInputStream(packageManifest.encode()));
        long bytes = entries.stream().mapToLong(PackageManifest.Entry::size).sum();
        // scanned on the stored blobs, before the event that registers the package (which carries the scan)
        StoredPackage pkg = new StoredPackage(manifest.digest(), bytes, bytes, listing,
                weights.scan(packageManifest));
        String readme = BoundedText.utf8WholeOrNull(upload.readme(), maxDocumentBytes);
        String config = BoundedText.utf8WholeOrNull(upload.configJson(), maxDocumentBytes);
        ArtifactDocuments docs = new ArtifactDocuments(readme, config, null);
        String note = "uploaded zip: " + entries.size() + " files, " + bytes + " bytes"
                + (upload.prefix().isEmpty() ? "" : " (top-level folder '" + upload.prefix() + "' stripped)");
        ArtifactContent content = new ArtifactContent(UploadSource.url(type, name), UploadSource.ref(name, version),
                pkg, documents.store(docs), licence(readme), note, version);
        return new Stored(content, docs);
    }

    private static ZipArchiveEntry only(ZipFile zip, String name) {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IllegalStateException("an inspected entry vanished from the spool file");
        }
        return entry;
    }

    /** The card's {@code license} (a string, or the first of a list), as the hubs declare it; null if none. */
    static String licence(String readme) {
        FrontMatter front = FrontMatter.of(readme);
        if (front.state() != FrontMatter.State.PARSED) {
            return null;
        }
        JsonNode declared = front.metadata().path("license");
        if (declared.isArray() && !declared.isEmpty()) {
            declared = declared.get(0);
        }
        if (!declared.isTextual()) {
            return null;
        }
        String licence = declared.asText().strip();
        if (licence.isEmpty() || licence.toUpperCase(Locale.ROOT).equals("NOASSERTION")) {
            return null;
        }
        return licence.length() <= MAX_LICENCE_CHARS ? licence : licence.substring(0, MAX_LICENCE_CHARS);
    }

    /** Fails the blob store's read (so it keeps nothing) if the bytes differ from what the inspection counted. */
    private static final class Rechecked extends FilterInputStream {
        private final InspectedUpload.File file;
        private final CRC32 crc = new CRC32();
        private long count;

        Rechecked(InputStream in, InspectedUpload.File file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                if (count != file.size() || crc.getValue() != file.crc32()) {
                    throw new IOException("the spooled entry changed between inspection and storing");
                }
                return -1;
            }
            count += n;
            if (count > file.size()) {
                throw new IOException("the spooled entry grew between inspection and storing");
            }
            crc.update(b, off, n);
            return n;
        }

        @Override
        public long skip(long n) {
            return 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    static RegistryException failed(IOException e) {
        return ErrorMessage.UPLOAD_UPLOAD_COULD_STORED.exceptionCausedBy(e);
    }
}
