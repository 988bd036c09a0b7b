package io.modelregistry.api.artifact;

import java.util.Locale;

/**
 * How far a pickle-based weights file can be trusted, judged from the imports its pickle opcodes name (never by
 * unpickling it). Ordered: a package is as bad as its worst file.
 */
public enum ScanLevel {
    /** Every import is on the safe list (tensors, storages, ordered dicts, numpy arrays), or the file is no pickle. */
    SAFE,
    /** An import on neither list (e.g. a model class of the author's own), or the file could not be fully read. */
    SUSPICIOUS,
    /** An import that runs code or reaches the system ({@code os.system}, {@code builtins.eval}, ...). */
    DANGEROUS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ScanLevel worst(ScanLevel other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
