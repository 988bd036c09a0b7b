package io.modelregistry.api.artifact;

/**
 * One file of the source repository as its listing declares it. {@code stored} tells whether its bytes
 * are inside the stored bundle (small files are stored eagerly; large weights are only listed).
 */
public record PackageFile(String path, long sizeBytes, String contentHash, boolean stored) {
}
