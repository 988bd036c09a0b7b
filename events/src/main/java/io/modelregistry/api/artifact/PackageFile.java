package io.modelregistry.api.artifact;

/**
 * One file of an artifact's package as its manifest declares it. {@code stored} tells whether its bytes are in
 * the blob store (then {@code contentHash} is {@code sha256:<hex>}, the blob's address); {@code aspect} is the
 * part of the package it belongs to. Events written before aspects existed carry none: it is derived from the
 * path, which is how it is decided for new files too.
 */
public record PackageFile(String path, long sizeBytes, String contentHash, boolean stored, Aspect aspect) {

    public PackageFile {
        aspect = aspect == null && path != null ? Aspect.of(path) : aspect;
    }

    public PackageFile(String path, long sizeBytes, String contentHash, boolean stored) {
        this(path, sizeBytes, contentHash, stored, null);
    }
}
