package io.modelregistry.command.blob.s3;

import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.command.blob.BlobStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The shared blob store contract on the S3 adapter, against S3Proxy in this JVM. Each test has its own bucket,
 * created by the adapter as at start-up; parts are S3's smallest (5 MiB), so a few MiB already take several parts.
 */
class S3BlobStoreContractTest extends BlobStoreContract {

    @TempDir
    static Path objects;

    static S3ProxyServer server;
    static S3Client s3;
    static S3Presigner presigner;

    S3BlobStoreSettings settings;
    S3BlobStore store;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        server = S3ProxyServer.start(objects);
        S3BlobStoreSettings any = S3BlobStoreSettings.forEndpoint("any", server.endpoint(), DataSize.ofMegabytes(5),
                S3BlobStoreSettings.Download.STREAM);
        s3 = S3Clients.client(any, S3ProxyServer.credentials());
        presigner = S3Clients.presigner(any, S3ProxyServer.credentials());
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        presigner.close();
        s3.close();
        server.close();
    }

    @BeforeEach
    void bucketOfItsOwn() {
        settings = S3BlobStoreSettings.forEndpoint("blobs-" + UUID.randomUUID().toString().substring(0, 8),
                server.endpoint(), DataSize.ofMegabytes(5), S3BlobStoreSettings.Download.STREAM);
        store = new S3BlobStore(s3, presigner, settings);
        store.ensureBucket();
    }

    @AfterEach
    void ensuringTheBucketAgainIsHarmless() {
        store.ensureBucket();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected int multipartBytes() {
        return 12 * 1024 * 1024 + 17;
    }

    /** Objects outside {@code blobs/} (staging copies, probes) and multipart uploads never completed or aborted. */
    @Override
    protected List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket())).contents()) {
            if (!object.key().startsWith("blobs/")) {
                left.add(object.key());
            }
        }
        s3.listMultipartUploads(b -> b.bucket(settings.bucket())).uploads()
                .forEach(upload -> left.add("upload of " + upload.key()));
        // and on S3Proxy's disk, where unfinished uploads keep their parts whatever the listing above says
        Path bucket = objects.resolve(settings.bucket());
        if (Files.isDirectory(bucket)) {
            try (Stream<Path> files = Files.walk(bucket)) {
                files.filter(Files::isRegularFile).map(file -> bucket.relativize(file).toString())
                        .filter(name -> !name.startsWith("blobs/")).forEach(left::add);
            }
        }
        return left;
    }

    @Override
    protected boolean presigns() {
        return true;
    }
}
