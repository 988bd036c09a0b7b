package io.modelregistry.query.download;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code registry.download.files.*} (decision 0088): {@code sendfile} lets the container send a download from a local
 * file zero-copy when it can (plain HTTP on the NIO connector, a blob store with local files); {@code false} copies
 * every download through the heap as before, which is what the benchmark compares against. {@code cacheSize} bounds
 * the directory of assembled zips under the data dir ({@code 0}: only downloads that are one blob are sent as files).
 */
@Validated
@ConfigurationProperties(prefix = "registry.download.files")
record DownloadFileProperties(
        @DefaultValue("true") boolean sendfile,
        @NotNull @DefaultValue("4GB") DataSize cacheSize) {

    DownloadFileProperties {
        if (cacheSize.toBytes() < 0 || cacheSize.toBytes() > DataSize.ofTerabytes(1).toBytes()) {
            throw new IllegalArgumentException("registry.download.files.cache-size must be between 0 and 1TB");
        }
    }
}
