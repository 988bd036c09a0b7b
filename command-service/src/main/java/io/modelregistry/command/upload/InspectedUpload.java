package io.modelregistry.command.upload;

import java.util.List;

/**
 * A zip that passed every check: its files in the order they are stored, each with the size and CRC-32 counted
 * while inflating it (not as the zip declares them), and the README and config.json read as documents.
 *
 * @param prefix the single top-level folder every entry sat under, stripped from the stored paths ("" if none)
 */
record InspectedUpload(List<File> files, String prefix, byte[] readme, byte[] configJson, long totalBytes) {

    InspectedUpload {
        files = List.copyOf(files);
    }

    /** @param entryName the name inside the zip; {@code path} the stored path (without {@code prefix}) */
    record File(String entryName, String path, long size, long crc32) {
    }
}
