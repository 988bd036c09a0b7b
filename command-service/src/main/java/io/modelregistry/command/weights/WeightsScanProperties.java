package io.modelregistry.command.weights;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the weights scan (see docs/decisions/0083-pickle-weights-scan.md).
 *
 * @param maxFiles        pickle-based files scanned per package (default 1000); the rest are listed as not scanned
 * @param maxPickleBytes  bytes one file's pickles may span, their arguments included (default 1GB); a file's raw
 *                        tensor bytes after its pickles are never read, nor a zip's entries other than its pickles
 * @param maxOpcodes      opcodes interpreted per file (default 20000000)
 * @param maxZipEntries   central directory records of a zip-format file (default 100000)
 * @param timeoutPerFile  wall-clock time per file (default 60s); past it the file is suspicious, not safe
 */
@Validated
@ConfigurationProperties("registry.weights-scan")
record WeightsScanProperties(@Min(0) @Max(100_000) @DefaultValue("1000") int maxFiles,
                             @NotNull @DefaultValue("1GB") DataSize maxPickleBytes,
                             @Min(1) @DefaultValue("20000000") long maxOpcodes,
                             @Min(1) @Max(10_000_000) @DefaultValue("100000") int maxZipEntries,
                             @NotNull @DefaultValue("60s") Duration timeoutPerFile) {

    WeightsFileScanner.Limits limits() {
        // a central directory record is at least 46 bytes; allow long names, bounded
        long directoryBytes = Math.min((long) maxZipEntries * 1024, Integer.MAX_VALUE - 8);
        return new WeightsFileScanner.Limits(maxPickleBytes.toBytes(), maxOpcodes, maxZipEntries, directoryBytes,
                timeoutPerFile);
    }
}
