package io.modelregistry.command.blob.s3;

import io.modelregistry.api.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as S3 objects named by their content: {@code blobs/ab/<64 hex sha-256>}.
 *
 * <p>A put hashes the stream as it reads it, one part at a time (memory: one part buffer per upload in flight). A
 * stream that ends within the first part is one {@code PutObject} straight to its content address, with the sha-256
 * as {@code x-amz-checksum-sha256}, so S3 refuses bytes that arrive otherwise. A longer one is a multipart upload
 * to a staging key ({@code uploads/<uuid>}; the address is not known before the last byte), every part with its own
 * sha-256 checksum; only after the stream has signalled its end (a verifying stream fails there, on a size or hash
 * mismatch) is the upload completed and server-side copied to its content address, then the staging object
 * deleted. Any failure aborts the upload or deletes the staging object: a failing stream stores nothing. A blob that
 * is already there is not uploaded again (small) or not copied (large): content addressing makes it the same bytes.
 *
 * <p>Every SDK failure is an {@link IOException}, like a disk failure of the filesystem adapter.
 */
public final class S3BlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final String BLOBS = "blobs/";
    private static final String STAGING = "uploads/";
    private static final String PROBES = "probes/";
    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final int MAX_PARTS = 10_000;
    /** The largest object a single CopyObject may copy; beyond it the copy is a multipart copy. */
    private static final long MAX_COPY_BYTES = 5L * 1024 * 1024 * 1024;
    private static final long COPY_PART_BYTES = 1024L * 1024 * 1024;
    private static final int MAX_LIST_PAGE = 1000;
    private static final Duration MAX_PRESIGN = Duration.ofDays(7);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3BlobStoreSettings settings;
    private final String bucket;

    public S3BlobStore(S3Client s3, S3Presigner presigner, S3BlobStoreSettings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.settings = settings;
        this.bucket = settings.bucket();
    }

    /**
     * Makes sure the bucket is there: creates it when it is missing and the settings allow (a concurrent creation by
     * another node is fine), or fails with a message that names the bucket.
     */
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        } catch (NoSuchBucketException e) {
            // created below
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IllegalStateException("The S3 bucket '" + bucket + "' of registry.blob-store.s3.bucket"
                        + " cannot be used: S3 answered " + e.statusCode() + " (" + errorCode(e) + ").", e);
            }
        } catch (SdkException e) {
            throw new IllegalStateException("The S3 blob store at " + where() + " cannot be reached: "
                    + e.getMessage(), e);
        }
        if (!settings.createBucket()) {
            throw new IllegalStateException("The S3 bucket '" + bucket + "' of registry.blob-store.s3.bucket does not"
                    + " exist; create it, or set registry.blob-store.s3.create-bucket=true.");
        }
        try {
            s3.createBucket(b -> {
                b.bucket(bucket);
                if (!settings.region().equals("us-east-1")) {
                    b.createBucketConfiguration(c -> c.locationConstraint(
                            BucketLocationConstraint.fromValue(settings.region())));
                }
            });
            log.info("Created the S3 bucket {} for blobs", bucket);
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
            // another node created it first: the same bucket
        } catch (SdkException e) {
            throw new IllegalStateException("The S3 bucket '" + bucket + "' is missing and could not be created: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public StoredBlob put(InputStream content) throws IOException {
        MessageDigest whole = sha256();
        byte[] part = new byte[settings.partBytes()];
        int n = content.readNBytes(part, 0, part.length);
        whole.update(part, 0, n);
        if (n < part.length) {
            // the stream ended (and said so) within one part: one request to the content address
            byte[] hash = whole.digest();
            String digest = HexFormat.of().formatHex(hash);
            String key = key(digest);
            if (!exists(key)) {
                call("store blob " + digest, () -> s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) n)
                                .contentType(CONTENT_TYPE).checksumSHA256(base64(hash)),
                        body(part, n)));
            }
            return new StoredBlob(digest, n);
        }
        return putMultipart(content, whole, part, n);
    }

    private StoredBlob putMultipart(InputStream content, MessageDigest whole, byte[] part, int first) throws IOException {
        String staging = STAGING + UUID.randomUUID();
        String uploadId = call("start an upload", () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(staging)
                .contentType(CONTENT_TYPE).checksumAlgorithm(ChecksumAlgorithm.SHA256))).uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            int n = first;
            while (true) {
                if (n > 0) {
                    if (parts.size() == MAX_PARTS) {
                        throw new IOException("blob is larger than " + MAX_PARTS + " parts of "
                                + settings.partSize() + " (registry.blob-store.s3.part-size)");
                    }
                    parts.add(uploadPart(staging, uploadId, parts.size() + 1, part, n));
                    size += n;
                }
                if (n < part.length) {
                    break; // readNBytes returned short: the stream reported its end, its checks passed
                }
                n = content.readNBytes(part, 0, part.length);
                whole.update(part, 0, n);
            }
            call("complete an upload", () -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(staging)
                    .uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
            completed = true;
            byte[] hash = whole.digest();
            String digest = HexFormat.of().formatHex(hash);
            String key = key(digest);
            if (!exists(key)) {
                copyIntoPlace(staging, key, size, hash);
            }
            return new StoredBlob(digest, size);
        } catch (IOException | RuntimeException | Error e) {
            if (!completed) {
                abort(staging, uploadId, e);
            }
            throw e;
        } finally {
            if (completed) {
                deleteQuietly(staging);
            }
        }
    }

    private CompletedPart uploadPart(String staging, String uploadId, int number, byte[] part, int n)
            throws IOException {
        MessageDigest partHash = sha256();
        partHash.update(part, 0, n);
        String checksum = base64(partHash.digest());
        String etag = call("upload part " + number, () -> s3.uploadPart(b -> b.bucket(bucket).key(staging)
                .uploadId(uploadId).partNumber(number).contentLength((long) n).checksumSHA256(checksum),
                body(part, n))).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).checksumSHA256(checksum).build();
    }

    /**
     * Server-side copy of the completed staging object to its content address. Where S3 reports the full-object
     * sha-256 of the copy, it must be the address; a copy that says otherwise is deleted again.
     */
    private void copyIntoPlace(String staging, String key, long size, byte[] hash) throws IOException {
        if (size > MAX_COPY_BYTES) {
            copyInParts(staging, key, size);
            return;
        }
        CopyObjectResponse copied = call("copy a blob into place", () -> s3.copyObject(b -> b
                .sourceBucket(bucket).sourceKey(staging).destinationBucket(bucket).destinationKey(key)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)));
        String reported = copied.copyObjectResult() == null ? null : copied.copyObjectResult().checksumSHA256();
        if (reported != null && !reported.contains("-") && !reported.equals(base64(hash))) {
            deleteQuietly(key);
            throw new IOException("S3 reports another sha-256 for the copy of " + key + " than was uploaded");
        }
    }

    private void copyInParts(String staging, String key, long size) throws IOException {
        String uploadId = call("start a copy", () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .contentType(CONTENT_TYPE))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long from = 0; from < size; from += COPY_PART_BYTES) {
                int number = parts.size() + 1;
                String range = "bytes=" + from + "-" + (Math.min(size, from + COPY_PART_BYTES) - 1);
                String etag = call("copy part " + number, () -> s3.uploadPartCopy(b -> b.sourceBucket(bucket)
                        .sourceKey(staging).destinationBucket(bucket).destinationKey(key).uploadId(uploadId)
                        .partNumber(number).copySourceRange(range))).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            call("complete a copy", () -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    private void abort(String key, String uploadId, Throwable cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // a bucket lifecycle rule (AbortIncompleteMultipartUpload) collects what is left
            cause.addSuppressed(e);
            log.warn("Could not abort the multipart upload of {} in bucket {}: {}", key, bucket, e.toString());
        }
    }

    private void deleteQuietly(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            log.warn("Could not delete the staging object {} in bucket {}: {}", key, bucket, e.toString());
        }
    }

    @Override
    public Optional<InputStream> open(String digest) throws IOException {
        if (!valid(digest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key(digest))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("read blob " + digest, e);
        } catch (SdkException e) {
            throw failure("read blob " + digest, e);
        }
    }

    /** One ranged GET: a resumed download fetches only the bytes it sends. */
    @Override
    public Optional<InputStream> open(String digest, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        if (!valid(digest)) {
            return Optional.empty();
        }
        if (length == 0) {
            return exists(key(digest)) ? Optional.of(InputStream.nullInputStream()) : Optional.empty();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key(digest)).range(range)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            if (e.statusCode() == 416) {
                return Optional.of(InputStream.nullInputStream()); // the blob ends before the offset
            }
            throw failure("read blob " + digest, e);
        } catch (SdkException e) {
            throw failure("read blob " + digest, e);
        }
    }

    @Override
    public Optional<Long> size(String digest) throws IOException {
        if (!valid(digest)) {
            return Optional.empty();
        }
        return head(key(digest));
    }

    @Override
    public List<String> list(String afterDigest, int limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        List<String> page = new ArrayList<>(Math.min(limit, MAX_LIST_PAGE));
        if (limit == 0) {
            return page;
        }
        String after = afterDigest == null ? "" : afterDigest;
        String startAfter = after.isEmpty() ? null : BLOBS + after.substring(0, Math.min(2, after.length())) + "/" + after;
        String token = null;
        while (page.size() < limit) {
            String continuation = token;
            int want = Math.min(MAX_LIST_PAGE, limit - page.size());
            ListObjectsV2Response listed = call("list blobs", () -> s3.listObjectsV2(b -> {
                b.bucket(bucket).prefix(BLOBS).maxKeys(want);
                if (continuation != null) {
                    b.continuationToken(continuation);
                } else if (startAfter != null) {
                    b.startAfter(startAfter);
                }
            }));
            for (S3Object object : listed.contents()) {
                String digest = digestOf(object.key());
                if (digest != null && digest.compareTo(after) > 0 && page.size() < limit) {
                    page.add(digest);
                }
            }
            if (!Boolean.TRUE.equals(listed.isTruncated()) || listed.nextContinuationToken() == null) {
                break;
            }
            token = listed.nextContinuationToken();
        }
        return page;
    }

    @Override
    public boolean delete(String digest) throws IOException {
        if (!valid(digest) || head(key(digest)).isEmpty()) {
            return false;
        }
        call("delete blob " + digest, () -> s3.deleteObject(b -> b.bucket(bucket).key(key(digest))));
        return true;
    }

    @Override
    public Optional<URI> presignedDownload(String digest, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a presigned URL needs a positive lifetime");
        }
        try {
            if (size(digest).isEmpty()) {
                return Optional.empty();
            }
            Duration lifetime = ttl.compareTo(MAX_PRESIGN) > 0 ? MAX_PRESIGN : ttl;
            return Optional.of(presigner.presignGetObject(p -> p.signatureDuration(lifetime)
                    .getObjectRequest(g -> g.bucket(bucket).key(key(digest)))).url().toURI());
        } catch (IOException | URISyntaxException | SdkException e) {
            log.warn("Could not presign blob {}: {}", digest, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public Optional<URI> downloadRedirect(String digest) {
        return settings.download() == S3BlobStoreSettings.Download.REDIRECT
                ? presignedDownload(digest, settings.presignTtl())
                : Optional.empty();
    }

    /** Writes and deletes a one-byte object. S3 has no free-space figure: it reports no limit. */
    @Override
    public HealthProbe probe() {
        String key = PROBES + UUID.randomUUID();
        byte[] one = {1};
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentLength(1L).contentType(CONTENT_TYPE)
                    .checksumSHA256(base64(sha256().digest(one))), RequestBody.fromBytes(one));
            s3.deleteObject(b -> b.bucket(bucket).key(key));
            return new HealthProbe(true, Long.MAX_VALUE, where(), "ok");
        } catch (SdkException e) {
            return new HealthProbe(false, 0L, where(), "not writable: " + e.getClass().getSimpleName());
        }
    }

    private boolean exists(String key) throws IOException {
        return head(key).isPresent();
    }

    private Optional<Long> head(String key) throws IOException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("look up " + key, e);
        } catch (SdkException e) {
            throw failure("look up " + key, e);
        }
    }

    private interface S3Call<T> {
        T run();
    }

    private <T> T call(String what, S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw failure(what, e);
        }
    }

    /** The stream's own IOException (a verifying stream's mismatch) passes through the SDK as its cause. */
    private IOException failure(String what, SdkException e) {
        if (e.getCause() instanceof IOException io && !(e instanceof S3Exception)) {
            return io;
        }
        String detail = e instanceof S3Exception s3e ? s3e.statusCode() + " " + errorCode(s3e) : e.getMessage();
        return new IOException("S3 blob store (" + where() + ") could not " + what + ": " + detail, e);
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? "no details" : e.awsErrorDetails().errorCode();
    }

    private static RequestBody body(byte[] part, int n) {
        // a provider, not a copy: the SDK may read it twice (payload signing, retries), the buffer stays one
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, n), n, CONTENT_TYPE);
    }

    private String where() {
        return "s3://" + bucket + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
    }

    private static boolean valid(String digest) {
        return digest != null && DIGEST.matcher(digest).matches();
    }

    static String key(String digest) {
        return BLOBS + digest.substring(0, 2) + "/" + digest;
    }

    private static String digestOf(String key) {
        if (!key.startsWith(BLOBS) || key.length() != BLOBS.length() + 3 + 64) {
            return null;
        }
        String digest = key.substring(BLOBS.length() + 3);
        return valid(digest) && key.equals(key(digest)) ? digest : null;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + where() + "]";
    }
}
