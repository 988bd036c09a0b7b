package io.modelregistry.command.ingest;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.hub.HubClient;
import io.modelregistry.hub.HubEndpoint;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Streams one listed file from the hub into the blob store, never whole in memory, and keeps it only if it is the
 * file the listing declares: exactly the listed size, and the listed hash (the LFS sha-256 for LFS files, the git
 * blob sha-1 otherwise). The check runs as the last byte is read, before the blob store commits the blob, so a
 * mismatch stores nothing; it fails the ingest with 502 (the hub served something else than it listed).
 */
final class VerifiedFiles {

    /** A file whose bytes are now a blob: {@code sha256} is the blob's address. */
    record StoredFile(String path, String sha256, long size, long crc32) {
    }

    private VerifiedFiles() {
    }

    /**
     * The listed file if its LFS sha-256 names a blob already stored (by any artifact or version): no download, and
     * the blob is retained (its grace period against a sweep starts again, as if it had been put now). Empty when
     * the listing names no sha-256 (a non-LFS file, listed by its git blob id only: those are small and fetched) or
     * no such blob of the listed size is stored. The CRC-32 is read from the local blob.
     */
    static java.util.Optional<StoredFile> reuse(BlobStore blobs, PackageFile listed) throws IOException {
        String hash = listed.contentHash();
        if (hash == null || !hash.startsWith("sha256:")) {
            return java.util.Optional.empty();
        }
        String digest = hash.substring(7).toLowerCase(java.util.Locale.ROOT);
        java.util.Optional<BlobStore.StoredBlob> stored = blobs.retain(digest);
        if (stored.isEmpty() || stored.get().sizeBytes() != listed.sizeBytes()) {
            return java.util.Optional.empty();
        }
        java.util.OptionalLong crc = crc32(blobs, digest);
        return crc.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new StoredFile(listed.path(), digest, listed.sizeBytes(), crc.getAsLong()));
    }

    /** The CRC-32 of a stored blob's bytes, or empty when it is absent. */
    static java.util.OptionalLong crc32(BlobStore blobs, String digest) throws IOException {
        java.util.Optional<InputStream> in = blobs.open(digest);
        if (in.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        CRC32 crc = new CRC32();
        try (InputStream stream = in.get()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = stream.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return java.util.OptionalLong.of(crc.getValue());
    }

    /** @return the stored file, or null when the hub answered without the file (4xx, or a redirect off the hub) */
    static StoredFile fetch(HubClient client, HubEndpoint hub, String url, PackageFile listed, BlobStore blobs,
                            Duration budget) {
        HubClient.Streamed<StoredFile> streamed = client.stream(hub, url, budget,
                body -> store(hub.name(), body, listed, blobs));
        if (streamed.status() >= 500 || streamed.status() == 429) {
            throw ErrorMessage.INGEST_ANSWERED_WHILE_DOWNLOADING_TRY.exception(hub.name(), streamed.status(), listed.path());
        }
        return streamed.value();
    }

    /**
     * Puts {@code body} into the blob store if it is the listed file (size, and the LFS sha-256 or git blob id);
     * otherwise stores nothing and fails with 502 naming {@code source} as the one that served something else.
     */
    static StoredFile store(String source, InputStream body, PackageFile listed, BlobStore blobs) throws IOException {
        Checking checked = new Checking(body, listed);
        try {
            BlobStore.StoredBlob blob = blobs.put(checked);
            return new StoredFile(listed.path(), blob.digest(), blob.sizeBytes(), checked.crc.getValue());
        } catch (IOException e) {
            if (checked.mismatch != null) {
                throw ErrorMessage.INGEST_SERVED_LISTING_DECLARES_NOTHING.exception(source, listed.path(), checked.mismatch);
            }
            throw e;
        }
    }

    /** Counts, hashes and checks the bytes as the blob store reads them; fails at the end on any mismatch. */
    private static final class Checking extends FilterInputStream {
        private final PackageFile listed;
        private final MessageDigest sha256 = digest("SHA-256");
        private final MessageDigest gitSha1 = digest("SHA-1");
        private final CRC32 crc = new CRC32();
        private long count;
        private boolean ended;
        private String mismatch;

        Checking(InputStream in, PackageFile listed) {
            super(in);
            this.listed = listed;
            gitSha1.update(("blob " + listed.sizeBytes() + "\0").getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                check();
                return -1;
            }
            count += n;
            if (count > listed.sizeBytes()) {
                mismatch = "more bytes";
                throw new IOException("longer than listed");
            }
            sha256.update(b, off, n);
            gitSha1.update(b, off, n);
            crc.update(b, off, n);
            return n;
        }

        private void check() throws IOException {
            if (ended) {
                if (mismatch != null) {
                    throw new IOException("not the listed file");
                }
                return;
            }
            ended = true;
            String hash = listed.contentHash();
            if (count != listed.sizeBytes()) {
                mismatch = "fewer bytes";
            } else if (hash != null && hash.startsWith("sha256:")
                    && !hash.substring(7).equalsIgnoreCase(HexFormat.of().formatHex(sha256.digest()))) {
                mismatch = "another sha-256";
            } else if (hash != null && hash.startsWith("git-sha1:")
                    && !hash.substring(9).equalsIgnoreCase(HexFormat.of().formatHex(gitSha1.digest()))) {
                mismatch = "another git blob id";
            }
            if (mismatch != null) {
                throw new IOException("not the listed file");
            }
        }

        @Override
        public long skip(long n) {
            return 0; // every byte must pass the checks
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is required by every Java platform", e);
            }
        }
    }
}
