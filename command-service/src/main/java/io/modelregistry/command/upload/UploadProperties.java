package io.modelregistry.command.upload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every bound an upload is checked against (see docs/decisions/0053-private-zip-uploads.md for why each exists).
 *
 * @param maxUploadBytes      the zip as sent, raw or as the multipart {@code file} part (default 8GB): counted while
 *                            it streams to disk, so a chunked body cannot exceed it either; a declared
 *                            {@code Content-Length} over it is refused (413) before a byte is read
 * @param maxEntries          entries in the central directory, directories included (default 10000); counted on the
 *                            file before the zip library reads the directory into memory
 * @param maxEntryBytes       one entry's uncompressed size (default 8GB), counted as it inflates
 * @param maxTotalBytes       all entries' uncompressed size together (default 16GB), counted as they inflate
 * @param maxCompressionRatio uncompressed over compressed bytes of one entry (default 100), checked once the entry
 *                            has inflated more than {@code ratioFloorBytes}
 * @param ratioFloorBytes     entries smaller than this (default 1MB) are not held to the ratio: a small JSON file
 *                            of repeated keys compresses far better than 100:1 and inflates to nothing dangerous
 * @param maxDocumentBytes    the README and config.json read for search, rating and lineage (default 256KB each);
 *                            larger ones are stored as files but not read as documents
 */
@Validated
@ConfigurationProperties("registry.upload")
record UploadProperties(@NotNull @DefaultValue("8GB") DataSize maxUploadBytes,
                        @Min(1) @Max(100_000) @DefaultValue("10000") int maxEntries,
                        @NotNull @DefaultValue("8GB") DataSize maxEntryBytes,
                        @NotNull @DefaultValue("16GB") DataSize maxTotalBytes,
                        @Min(1) @Max(100_000) @DefaultValue("100") int maxCompressionRatio,
                        @NotNull @DefaultValue("1MB") DataSize ratioFloorBytes,
                        @NotNull @DefaultValue("256KB") DataSize maxDocumentBytes) {

    UploadProperties {
        for (DataSize size : new DataSize[] {maxUploadBytes, maxEntryBytes, maxTotalBytes, ratioFloorBytes,
                maxDocumentBytes}) {
            if (size != null && size.toBytes() <= 0) {
                throw new IllegalArgumentException("registry.upload sizes must be positive");
            }
        }
        if (maxDocumentBytes != null && maxDocumentBytes.toBytes() > 16L * 1024 * 1024) {
            throw new IllegalArgumentException("registry.upload.max-document-bytes must be at most 16MB");
        }
    }

    /** The defaults, for tests and tools that build the checks without Spring. */
    static UploadProperties defaults() {
        return new UploadProperties(DataSize.ofGigabytes(8), 10_000, DataSize.ofGigabytes(8), DataSize.ofGigabytes(16),
                100, DataSize.ofMegabytes(1), DataSize.ofKilobytes(256));
    }
}
