package io.modelregistry.command.blob.s3;

import io.modelregistry.api.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
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
    /**
     * An empty marker per blob that a put of bytes already stored, or a retain, rewrote: its LastModified is when the
     * blob was last reused. S3 cannot rewrite an object's time in place, and a blob moved aside by a sweep keeps no
     * trace of a touch made to it there, so the touch lives beside the blob.
     */
    private static final String TOUCHED = "touched/";
    /** Where a sweep moves a blob before it decides, so that a reuse racing with it can be undone. */
    private static final String TRASH = "trash/";
    /**
     * How much older than a sweep's cutoff a LastModified must be to count as before it: S3 reports whole seconds,
     * from its own clock rather than this node's.
     */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);
    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final int MAX_PARTS = 10_000;
    /** The largest object a single CopyObject may copy; beyond it the copy is a multipart copy. */
    private static final long MAX_COPY_BYTES = 5L * 1024 * 1024 * 1024;
    private static final long COPY_PART_BYTES = 1024L * 1024 * 1024;
    private static final int MAX_LIST_PAGE = 1000;
    /** What a put reads before it holds a part buffer: more than most files of a package but a model's weights. */
    private static final int SMALL_BYTES = 256 * 1024;
    private static final Duration MAX_PRESIGN = Duration.ofDays(7);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3BlobStoreSettings settings;
    private final String bucket;
    /** Part buffers that puts may hold at once: the heap the uploads in flight take is bounded by these. */
    private final Semaphore parts;
    private final int partsTotal;

    public S3BlobStore(S3Client s3, S3Presigner presigner, S3BlobStoreSettings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.settings = settings;
        this.bucket = settings.bucket();
        this.partsTotal = settings.partBuffers(Runtime.getRuntime().maxMemory());
        this.parts = new Semaphore(partsTotal, true);
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

    /**
     * Stores the stream in one request when it ends within a part, else as a multipart upload. A put first reads at
     * most {@link #SMALL_BYTES}, so the many small files of a package (cards, configs) never hold a part's buffer;
     * a larger one holds one part of the shared budget ({@link #parts}) until it is stored, and waits for one when
     * every part is in use, so that many large puts at once queue instead of exhausting the heap.
     */
    @Override
    public StoredBlob put(InputStream content) throws IOException {
        MessageDigest whole = sha256();
        byte[] head = content.readNBytes(Math.min(SMALL_BYTES, settings.partBytes()));
        whole.update(head);
        if (head.length < SMALL_BYTES) {
            return putWhole(head, head.length, whole); // readNBytes returned short: the stream reported its end
        }
        holdPart();
        try {
            byte[] part = Arrays.copyOf(head, settings.partBytes());
            int n = head.length + content.readNBytes(part, head.length, part.length - head.length);
            whole.update(part, head.length, n - head.length);
            if (n < part.length) {
                return putWhole(part, n, whole);
            }
            return putMultipart(content, whole, part, n);
        } finally {
            parts.release();
        }
    }

    private void holdPart() throws IOException {
        Duration wait = settings.apiCallTimeout();
        try {
            if (!parts.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("S3 blob store (" + where() + ") could not store a blob: all " + partsTotal
                        + " part buffers of " + settings.partSize() + " were in use for " + wait
                        + " (registry.blob-store.s3.part-buffers)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a part buffer of the S3 blob store");
        }
    }

    /** One request to the content address, for bytes that ended (and said so) within one part. */
    private StoredBlob putWhole(byte[] bytes, int n, MessageDigest whole) throws IOException {
        byte[] hash = whole.digest();
        String digest = HexFormat.of().formatHex(hash);
        String key = key(digest);
        if (!exists(key) || !reused(digest)) {
            call("store blob " + digest, () -> s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) n)
                            .contentType(CONTENT_TYPE).checksumSHA256(base64(hash)),
                    body(bytes, n)));
        }
        return new StoredBlob(digest, n);
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
            if (!exists(key) || !reused(digest)) {
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

    /**
     * Marks a stored blob as reused now, then looks again: true when it is still there, so the caller holds it as if
     * it had written it; false when a sweep took it meanwhile, and the caller writes it anew. A sweep that moved it
     * aside before the mark sees the mark afterwards and puts it back; one that moved it after the second look
     * decided on a mark it could see. Either way no caller leaves with a blob that is gone.
     */
    private boolean reused(String digest) throws IOException {
        byte[] none = new byte[0];
        call("mark blob " + digest + " as reused", () -> s3.putObject(b -> b.bucket(bucket).key(TOUCHED + digest)
                .contentLength(0L).contentType(CONTENT_TYPE).checksumSHA256(base64(sha256().digest(none))),
                RequestBody.fromBytes(none)));
        return exists(key(digest));
    }

    @Override
    public Optional<StoredBlob> retain(String digest) throws IOException {
        if (!valid(digest) || !exists(key(digest)) || !reused(digest)) {
            return Optional.empty();
        }
        return size(digest).map(size -> new StoredBlob(digest, size));
    }

    /**
     * The filesystem adapter's protocol on an object store: a blob older than the cutoff, and not reused since, is
     * copied aside (S3 has no rename) and deleted; then its reuse mark is read again, and a reuse that came in
     * between puts it back. The node's cutoff is compared with S3's times, so each must be older by
     * {@link #CLOCK_SLACK}.
     */
    @Override
    public Optional<Long> deleteIfUnwrittenSince(String digest, Instant cutoff) throws IOException {
        if (!valid(digest)) {
            return Optional.empty();
        }
        Instant before = cutoff.minus(CLOCK_SLACK);
        String key = key(digest);
        Optional<HeadObjectResponse> blob = headObject(key);
        if (blob.isEmpty() || !blob.get().lastModified().isBefore(before) || reusedSince(digest, before)) {
            return Optional.empty();
        }
        long size = blob.get().contentLength();
        String aside = TRASH + digest + "-" + UUID.randomUUID();
        copy(key, aside, size);
        call("delete blob " + digest, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
        if (reusedSince(digest, before)) {
            if (!exists(key)) {
                copy(aside, key, size);
            }
            deleteQuietly(aside);
            return Optional.empty();
        }
        deleteQuietly(aside);
        deleteQuietly(TOUCHED + digest);
        return Optional.of(size);
    }

    /**
     * Staging objects a killed put left, reuse marks of blobs that are gone, and blobs a killed sweep had moved aside
     * (put back when their place is empty), each only when older than the cutoff: a put or a sweep on another node
     * may be in the middle of its work. Multipart uploads a killed put never finished are the bucket's lifecycle
     * rule's (AbortIncompleteMultipartUpload, in the Terraform): listing them gives their start, which S3Proxy
     * does not report truly, so this adapter could not be tested aborting them by age.
     */
    @Override
    public long clearLeftoversUntouchedSince(Instant cutoff) throws IOException {
        Instant before = cutoff.minus(CLOCK_SLACK);
        long cleared = 0;
        for (S3Object object : listAll(STAGING)) {
            if (object.lastModified().isBefore(before)) {
                deleteQuietly(object.key());
                cleared++;
            }
        }
        for (S3Object object : listAll(TRASH)) {
            String name = object.key().substring(TRASH.length());
            String digest = name.length() > 64 ? name.substring(0, 64) : "";
            if (object.lastModified().isBefore(before) && valid(digest)) {
                if (!exists(key(digest))) {
                    copy(object.key(), key(digest), object.size());
                }
                deleteQuietly(object.key());
                cleared++;
            }
        }
        for (S3Object object : listAll(TOUCHED)) {
            String digest = object.key().substring(TOUCHED.length());
            if (object.lastModified().isBefore(before) && (!valid(digest) || !exists(key(digest)))) {
                deleteQuietly(object.key());
                cleared++;
            }
        }
        return cleared;
    }

    private boolean reusedSince(String digest, Instant before) throws IOException {
        return headObject(TOUCHED + digest).map(mark -> !mark.lastModified().isBefore(before)).orElse(false);
    }

    private List<S3Object> listAll(String prefix) throws IOException {
        return call("list " + prefix, () -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                .contents().stream().toList());
    }

    /** A server-side copy of one object of this bucket, in parts when S3's single copy cannot take it. */
    private void copy(String from, String to, long size) throws IOException {
        if (size > MAX_COPY_BYTES) {
            copyInParts(from, to, size);
            return;
        }
        call("copy " + from + " to " + to, () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(from)
                .destinationBucket(bucket).destinationKey(to)));
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
        return headObject(key).map(HeadObjectResponse::contentLength);
    }

    private Optional<HeadObjectResponse> headObject(String key) throws IOException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
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
