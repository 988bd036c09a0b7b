package io.modelregistry.command.weights;

import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.LimitedInputStream;
import io.modelregistry.api.artifact.ScanLevel;
import io.modelregistry.api.artifact.ScannedFile;
import io.modelregistry.api.artifact.WeightsScan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Scans the pickle-based weights files of a package just stored (its manifest's stored entries), reading their
 * blobs (a local file channel, or ranged reads of an object store), never unpickling. Called by ingest and upload
 * after the blobs are durable and before the event that registers the package, which carries the result.
 */
@Component
@EnableConfigurationProperties(WeightsScanProperties.class)
public class PackageWeightsScanner {

    private static final Logger log = LoggerFactory.getLogger(PackageWeightsScanner.class);

    private final BlobStore blobs;
    private final WeightsScanProperties settings;
    private final WeightsFileScanner scanner;

    PackageWeightsScanner(BlobStore blobs, WeightsScanProperties settings) {
        this.blobs = blobs;
        this.settings = settings;
        this.scanner = new WeightsFileScanner(settings.limits());
    }

    /** A scanner with the default bounds, for code that is not wired by Spring (tests' harnesses). */
    public static PackageWeightsScanner withDefaults(BlobStore blobs) {
        return new PackageWeightsScanner(blobs, new WeightsScanProperties(1000,
                org.springframework.util.unit.DataSize.ofGigabytes(1), 20_000_000, 100_000,
                java.time.Duration.ofSeconds(60)));
    }

    public WeightsScan scan(PackageManifest manifest) {
        List<ScannedFile> files = new ArrayList<>();
        List<String> notScanned = new ArrayList<>();
        ScanLevel level = ScanLevel.SAFE;
        for (PackageManifest.Entry entry : manifest.entries()) {
            if (!WeightsFileScanner.isPickleBased(entry.path())) {
                continue;
            }
            if (entry.isRemote() || files.size() >= settings.maxFiles()) {
                notScanned.add(entry.path());
                continue;
            }
            ScannedFile file = scanFile(entry);
            level = level.worst(file.level());
            files.add(file);
        }
        files.sort(Comparator.comparing(ScannedFile::level).reversed());
        List<ScannedFile> listed = files.subList(0, Math.min(files.size(), WeightsScan.MAX_FILES_LISTED));
        List<String> unlisted = notScanned.subList(0, Math.min(notScanned.size(), WeightsScan.MAX_FILES_LISTED));
        if (level != ScanLevel.SAFE) {
            log.info("weights scan: {} ({} files scanned, {} not)", level, files.size(), notScanned.size());
        }
        return new WeightsScan(ImportPolicy.VERSION, level, listed, unlisted);
    }

    private ScannedFile scanFile(PackageManifest.Entry entry) {
        String digest = entry.sha256();
        Optional<FileChannel> channel = Optional.empty();
        try {
            channel = blobs.openChannel(digest);
            return scanner.scan(entry.path(), digest, channel.<WeightsFileScanner.Source>map(FileSource::new)
                    .orElseGet(() -> new BlobSource(digest, entry.size())));
        } catch (IOException e) {
            return new ScannedFile(entry.path(), digest, ScanLevel.SUSPICIOUS, List.of(), List.of(),
                    "could not be read: " + e.getMessage());
        } finally {
            channel.ifPresent(PackageWeightsScanner::closeQuietly);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing a blob channel failed", e);
        }
    }

    /** A local blob: positioned reads of one open channel. */
    private record FileSource(FileChannel channel) implements WeightsFileScanner.Source {
        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            return LimitedInputStream.window(in, length);
        }
    }

    /** A blob in an object store: each read is one ranged request. */
    private final class BlobSource implements WeightsFileScanner.Source {
        private final String digest;
        private final long size;

        BlobSource(String digest, long size) {
            this.digest = digest;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            return blobs.open(digest, offset, Math.min(length, size - offset))
                    .orElseThrow(() -> new IOException("the blob " + digest + " is missing"));
        }
    }
}
