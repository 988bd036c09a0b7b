package io.modelregistry.api.blob;

import java.util.Collection;
import java.util.Set;

/**
 * Which blobs live artifacts reference (port, read model): every version's package manifest, every file each
 * manifest names (stored or remote), and every document (README, config, hub metadata). What a sweep keeps.
 * {@link BlobReferencesWriter} is its write side.
 */
public interface BlobReferences {

    /** The digests among {@code digests} that some live artifact references. */
    Set<String> referencedAmong(Collection<String> digests);

    /** How many distinct blobs are referenced. */
    long count();
}
