package io.modelregistry.query.download;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a download copies a stored blob to the response: {@code registry.download.copy.mode} {@code buffered}
 * (default: positional reads of {@code chunk-bytes}, 256 KiB, one write each) or {@code transfer-to} (the JDK's
 * {@code FileChannel.transferTo} into the servlet stream, which is 8 KiB at a time; kept to measure the difference,
 * as {@code registry.durability.commit} keeps its slower modes).
 */
@Validated
@ConfigurationProperties(prefix = "registry.download.copy")
record DownloadCopyProperties(@NotNull @DefaultValue("buffered") Mode mode,
                              @Min(8192) @Max(4 * 1024 * 1024) @DefaultValue("262144") int chunkBytes) {

    enum Mode { BUFFERED, TRANSFER_TO }

    /** The chunk {@link PackageZip#writeRange(long, long, io.modelregistry.api.blob.BlobStore, int,
     * java.io.OutputStream)} takes: 0 for transferTo. */
    int chunk() {
        return mode == Mode.TRANSFER_TO ? 0 : chunkBytes;
    }
}
