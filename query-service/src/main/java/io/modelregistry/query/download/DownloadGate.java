package io.modelregistry.query.download;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.RecordDownload;
import io.modelregistry.api.artifact.RecordRefusedDownload;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.download.DownloadLog;
import io.modelregistry.api.artifact.MonitorVerdict;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.MonitorVerdict.Outcome;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.api.sensitive.SensitiveModels;
import io.modelregistry.api.artifact.ScanLevel;
import io.modelregistry.api.artifact.ScannedFile;
import io.modelregistry.api.weights.WeightsScanRecord;
import io.modelregistry.api.weights.WeightsScans;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one way to serve a package's bytes. Every download path (the signed link, in full or by aspect, a range that
 * resumes one, and any later path such as a file API) first {@linkplain #prepare prepares} what it would send, which
 * gives its length and ETag and sends nothing, then asks to be {@linkplain #clear cleared}: for a sensitive model
 * the monitor program runs on that very zip, and the download is recorded, allowed or refused, before any byte.
 * Only a {@link Cleared} download can write bytes or name a redirect; {@link PackageZip} and the blob-level redirect
 * are package-private, and {@code ArchitectureTest} holds that nothing but this gate writes a package or records a
 * download, so a new path cannot forget the monitor.
 */
@Component
@EnableConfigurationProperties({MonitorProperties.class, DownloadFileProperties.class})
public class DownloadGate implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DownloadGate.class);
    /** How a download of one file (not a zip) names what was fetched in the audit trail. */
    public static final String FILE_ASPECT_PREFIX = "file:";
    private static final int MAX_PROGRAM_READ = ModelGuard.MAX_PROGRAM_BYTES + 1;
    /** Tomcat's request attributes for a body sent from a file by the connector (its documented sendfile API). */
    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private final PackageAspects aspects;
    private final PackageContents packages;
    private final SensitiveModels guards;
    private final WeightsScans scans;
    private final DownloadLog downloads;
    private final ReadModelBarrier readModels;
    private final MonitorRunner monitors;
    private final DownloadFiles files;

    DownloadGate(PackageAspects aspects, PackageContents packages, SensitiveModels guards, WeightsScans scans,
                 DownloadLog downloads, ReadModelBarrier readModels, MonitorProperties settings,
                 DownloadFileProperties fileSettings, @Value("${registry.data-dir:./data}") String dataDir) {
        this.aspects = aspects;
        this.packages = packages;
        this.guards = guards;
        this.scans = scans;
        this.downloads = downloads;
        this.readModels = readModels;
        this.monitors = new MonitorRunner(settings, Path.of(dataDir, "monitor-scratch").toAbsolutePath(),
                MonitorRunner.systemEnvironment());
        this.files = fileSettings.sendfile() ? new DownloadFiles(Path.of(dataDir, "download-files").toAbsolutePath(),
                fileSettings.cacheSize().toBytes(), System::nanoTime) : null;
    }

    /** How this node's monitor programs have been running, for the health dashboard. */
    public MonitorHealth monitorHealth() {
        return monitors.health();
    }

    /** What a download of this version (in full, or one aspect: {@code aspect}, null for full) would send. */
    public Prepared prepare(ArtifactRecord record, Aspect aspect) {
        PackageAspects.Download download = aspects.download(record, aspect);
        return new Prepared(record, aspect, aspect == null ? ArtifactDownloaded.FULL : aspect.wireName(),
                download.zip(), download.etag());
    }

    /**
     * The files of this version's package as its manifest lists them (path, size, sha-256), for a file API; empty
     * for a package stored before manifests existed, whose files are only inside its bundle zip.
     */
    public List<PackageManifest.Entry> files(ArtifactRecord record) {
        return packages.manifest(record).map(PackageManifest::entries).orElse(List.of());
    }

    /**
     * What a download of the one file {@code path} of this version would send: its bytes alone, not a zip. Its ETag
     * is the file's sha-256 (what HuggingFace clients compare with the LFS hash), and its download is recorded with
     * the aspect {@code file:<path>}, so the audit trail names the file.
     */
    public Optional<Prepared> prepareFile(ArtifactRecord record, String path) {
        return files(record).stream().filter(entry -> entry.path().equals(path)).findFirst()
                .map(entry -> new Prepared(record, null, FILE_ASPECT_PREFIX + path, PackageZip.ofFile(entry),
                        "\"" + entry.sha256() + "\""));
    }

    /**
     * Vets and records one download of {@code bytes} bytes of the prepared zip for {@code downloader}. A model that
     * is not sensitive is recorded and cleared at once; a sensitive one only once its monitor program exits 0.
     *
     * @throws RegistryException REFUSED (403) with the program's stdout when it exits non-zero, or when the model has
     *         no program; UNAVAILABLE (503) when it gave no verdict (killed at the time limit, with its output so far)
     *         or could not be run. Either way the refusal is recorded first.
     */
    public Cleared clear(Prepared prepared, Actor downloader, long bytes) {
        ArtifactRecord record = prepared.record();
        String aspect = prepared.recordedAspect();
        // dangerous weights are refused before any monitor runs: no program should be shown them either
        MonitorVerdict verdict = unsafeWeights(prepared).orElse(null);
        if (verdict == null) {
            Optional<ModelGuard> guard = guards.guard(record.id()).filter(ModelGuard::sensitive);
            verdict = guard.map(g -> vet(g, prepared, downloader)).orElse(null);
        }
        if (verdict != null && !verdict.allowed()) {
            readModels.markForReaders(downloads.refused(new RecordRefusedDownload(record.id(), record.type(),
                    record.name(), record.packageDigest(), downloader, aspect, record.version(), verdict)));
            log.info("download of {} {} ({}) by {} refused: {}", record.type().wireName(), record.id(),
                    aspect, downloader.username(), verdict.reason());
            throw refusal(record, verdict);
        }
        // the position comes from the append's own transaction: one commit per download, not a second for the head
        readModels.markForReaders(downloads.record(new RecordDownload(record.id(), record.type(), record.name(),
                record.packageDigest(), bytes, downloader, aspect, record.version(), verdict)));
        return new Cleared(prepared.zip(), prepared.etag(), packages, files);
    }

    /**
     * A refusal when this download would send a weights file whose scan found dangerous imports and no administrator
     * has overridden the scan for this package: the full package, the weights aspect, or that very file.
     */
    private Optional<MonitorVerdict> unsafeWeights(Prepared prepared) {
        ArtifactRecord record = prepared.record();
        Optional<WeightsScanRecord> scan = scans.scan(record.id(), record.packageDigest())
                .filter(WeightsScanRecord::refused);
        if (scan.isEmpty()) {
            return Optional.empty();
        }
        String file = prepared.recordedAspect().startsWith(FILE_ASPECT_PREFIX)
                ? prepared.recordedAspect().substring(FILE_ASPECT_PREFIX.length()) : null;
        List<ScannedFile> sent = scan.get().scan().files().stream()
                .filter(f -> f.level() == ScanLevel.DANGEROUS)
                .filter(f -> file != null ? f.path().equals(file)
                        : prepared.aspect() == null || Aspect.of(f.path()) == prepared.aspect())
                .toList();
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        String findings = sent.stream().map(f -> f.path() + " (" + String.join(", ", f.dangerousImports()) + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        return Optional.of(new MonitorVerdict(Outcome.UNSAFE_WEIGHTS, null, null, "", "", false, 0,
                "its weights scan found dangerous imports in " + findings + "; an administrator may allow it with "
                        + "PUT /artifact/model/" + record.id() + "/weights-scan/override"));
    }

    private MonitorVerdict vet(ModelGuard guard, Prepared prepared, Actor downloader) {
        if (guard.program() == null) {
            return new MonitorVerdict(Outcome.NO_PROGRAM, null, null, "", "", false, 0,
                    "the model is sensitive and has no monitor program; attach one to allow downloads");
        }
        byte[] program = program(guard.program());
        ArtifactRecord record = prepared.record();
        PackageZip zip = prepared.zip();
        return monitors.run(new MonitorRunner.Invocation(guard.program().sha256(), program, record.name(),
                        record.registeredBy(), downloader.username()),
                out -> zip.writeRange(0, zip.length() - 1, packages.blobs(), packages.bytes(), out));
    }

    private byte[] program(ModelGuard.Program program) {
        try (InputStream in = packages.blobs().open(program.sha256()).orElseThrow(() -> ErrorMessage.DOWNLOAD_MONITOR_PROGRAM_MISSING_BLOB.exception(program.sha256()))) {
            byte[] bytes = in.readNBytes(MAX_PROGRAM_READ);
            if (bytes.length != program.bytes()) {
                throw ErrorMessage.DOWNLOAD_MONITOR_PROGRAM_BYTES_LOG.exception(program.sha256(), bytes.length, program.bytes());
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read monitor program " + program.sha256(), e);
        }
    }

    private static RegistryException refusal(ArtifactRecord record, MonitorVerdict verdict) {
        return switch (verdict.outcome()) {
            case UNAVAILABLE -> ErrorMessage.DOWNLOAD_MONITOR_UNAVAILABLE.exception(record.name(), record.id(), verdict.reason());
            case REFUSED -> ErrorMessage.DOWNLOAD_MONITOR_REFUSED_OUTPUT.exception(record.name(), record.id(), verdict.reason(), verdict.stdout());
            case TIMED_OUT -> ErrorMessage.DOWNLOAD_MONITOR_TIMED_OUT.exception(record.name(), record.id(), verdict.reason(), verdict.stdout());
            default -> ErrorMessage.DOWNLOAD_MONITOR_REFUSED.exception(record.name(), record.id(), verdict.reason());
        };
    }

    @Override
    public void close() {
        monitors.close();
    }

    /** A download as it would be sent: its length and ETag, known before any byte. Sends nothing. */
    public static final class Prepared {
        private final ArtifactRecord record;
        private final Aspect aspect;
        private final String recordedAspect;
        private final PackageZip zip;
        private final String etag;

        private Prepared(ArtifactRecord record, Aspect aspect, String recordedAspect, PackageZip zip, String etag) {
            this.record = record;
            this.aspect = aspect;
            this.recordedAspect = recordedAspect;
            this.zip = zip;
            this.etag = etag;
        }

        public ArtifactRecord record() {
            return record;
        }

        public Aspect aspect() {
            return aspect;
        }

        /** What the audit trail records as fetched: full, an aspect's name, or {@code file:<path>}. */
        public String recordedAspect() {
            return recordedAspect;
        }

        public long length() {
            return zip.length();
        }

        public String etag() {
            return etag;
        }

        PackageZip zip() {
            return zip;
        }
    }

    /** A download the gate has vetted and recorded: the only handle that writes a package's bytes. */
    public static final class Cleared {
        private final PackageZip zip;
        private final String etag;
        private final PackageContents packages;
        private final DownloadFiles files;

        private Cleared(PackageZip zip, String etag, PackageContents packages, DownloadFiles files) {
            this.zip = zip;
            this.etag = etag;
            this.packages = packages;
            this.files = files;
        }

        /**
         * A local file whose bytes are exactly this download's (from its first byte), for the container to send
         * zero-copy; empty when sending files is off, the store keeps no local files, or the zip is not assembled yet
         * (the caller then {@linkplain #writeRange writes} the bytes).
         */
        public Optional<Path> file() {
            return files == null ? Optional.empty() : files.fileOf(zip, etag, packages.blobs());
        }

        /** A presigned URL to send instead of the bytes, when the store offloads a download that is one blob. */
        public Optional<URI> redirect() {
            if (zip.hasRemoteEntries()) {
                return Optional.empty(); // a file not fetched yet has no object to presign: it is streamed (and stored)
            }
            BlobStore blobs = packages.blobs();
            return zip.soleBlob().flatMap(blobs::downloadRedirect);
        }

        /**
         * Hands bytes {@code first} to {@code last} (inclusive) to the container to send from a local file with
         * {@code sendfile} after the handler returns, when the connector offers it and there is such a file; true
         * when it will (the handler must then write no body), false when the caller must {@linkplain #writeRange
         * write} the bytes itself. The download is recorded already: nothing about the audit changes.
         */
        public boolean sendAsFile(HttpServletRequest request, long first, long last) {
            if (!Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
                return false; // TLS, HTTP/2, a test's mock request: the bytes are written
            }
            Optional<Path> file = file();
            if (file.isEmpty()) {
                return false;
            }
            request.setAttribute(SENDFILE_FILENAME, file.get().toString());
            request.setAttribute(SENDFILE_START, first);
            request.setAttribute(SENDFILE_END, last + 1); // exclusive
            return true;
        }

        /** Writes bytes {@code first} to {@code last} (inclusive) of the zip. */
        public void writeRange(long first, long last, OutputStream out) throws IOException {
            zip.writeRange(first, last, packages.blobs(), packages.bytes(), out);
        }
    }
}
