package io.modelregistry.command.ingest;

import java.time.Duration;

/** Every size and count an ingest reads from the outside world is bounded by one of these. */
final class IngestLimits {

    static final int KIB = 1024;
    static final int MIB = 1024 * KIB;

    /** A metadata response (model info, repo info, licence object, git tree). */
    static final int METADATA_BYTES = 4 * MIB;
    /** One file stored eagerly in the bundle. */
    static final int STORED_FILE_BYTES = MIB;
    /** All files stored in one bundle. */
    static final long BUNDLE_BYTES = 32L * MIB;
    /** Files stored eagerly per source. */
    static final int STORED_FILES = 32;
    /** Files listed per source; a listing beyond it is cut (and the note says so). */
    static final int LISTED_FILES = 10_000;

    static final int README_BYTES = 256 * KIB;
    static final int CONFIG_JSON_BYTES = 64 * KIB;
    static final int SOURCE_METADATA_BYTES = 256 * KIB;

    /** Fetching eager files stops after this; whatever is left is listed but not stored. */
    static final Duration EAGER_FETCH_BUDGET = Duration.ofSeconds(60);

    private IngestLimits() {
    }
}
