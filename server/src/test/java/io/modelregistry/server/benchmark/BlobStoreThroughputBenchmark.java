package io.modelregistry.server.benchmark;

import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import io.modelregistry.command.blob.s3.S3BlobStore;
import io.modelregistry.command.blob.s3.S3BlobStoreSettings;
import io.modelregistry.command.blob.s3.S3Clients;
import io.modelregistry.server.support.S3ProxyServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Not a timed test: upload and download throughput of one file (default 50 MB) through the filesystem adapter and
 * through the S3 adapter on S3Proxy (loopback, jclouds filesystem backend on the same disk), measured alternately
 * in one run so machine drift hits both alike, reported as MB/s and as the ratio S3 / filesystem. Every upload
 * goes to a fresh directory or bucket, so content addressing never skips it. Writes
 * {@code server/target/blob-store-throughput.md}. Run with
 * {@code mvn -B -ntp -Pbenchmark -pl server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=BlobStoreThroughputBenchmark} (system properties {@code benchmark.blob-mb}, default 50;
 * {@code benchmark.rounds}, default 5; {@code benchmark.part-mb}, default 16).
 */
class BlobStoreThroughputBenchmark {

    @Test
    void measure() throws Exception {
        int megabytes = Integer.getInteger("benchmark.blob-mb", 50);
        int rounds = Integer.getInteger("benchmark.rounds", 5);
        int partMb = Integer.getInteger("benchmark.part-mb", 16);
        Path work = Files.createTempDirectory("blob-benchmark");
        Path file = work.resolve("blob.bin");
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(42);
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < megabytes; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        long bytes = Files.size(file);
        Map<String, List<Double>> mbps = new LinkedHashMap<>();
        for (String figure : List.of("filesystem upload", "s3 upload", "filesystem download", "s3 download")) {
            mbps.put(figure, new ArrayList<>());
        }
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        try (S3ProxyServer server = S3ProxyServer.start(Files.createDirectories(work.resolve("s3proxy")))) {
            S3BlobStoreSettings any = S3BlobStoreSettings.forEndpoint("any", server.endpoint(),
                    DataSize.ofMegabytes(partMb), S3BlobStoreSettings.Download.STREAM);
            try (S3Client s3 = S3Clients.client(any, credentials);
                 S3Presigner presigner = S3Clients.presigner(any, credentials)) {
                for (int round = 0; round < rounds + 1; round++) {
                    boolean warmUp = round == 0;
                    BlobStore filesystem = new FilesystemBlobStore(work.resolve("fs-" + round));
                    S3BlobStore onS3 = new S3BlobStore(s3, presigner, S3BlobStoreSettings.forEndpoint(
                            "bench-" + round, server.endpoint(), DataSize.ofMegabytes(partMb),
                            S3BlobStoreSettings.Download.STREAM));
                    onS3.ensureBucket();
                    // alternate which adapter goes first, so neither always runs on a warmer cache
                    List<String> order = round % 2 == 0 ? List.of("filesystem", "s3") : List.of("s3", "filesystem");
                    for (String name : order) {
                        BlobStore store = name.equals("s3") ? onS3 : filesystem;
                        long start = System.nanoTime();
                        String digest;
                        try (InputStream in = Files.newInputStream(file)) {
                            digest = store.put(in).digest();
                        }
                        double upload = rate(bytes, System.nanoTime() - start);
                        start = System.nanoTime();
                        try (InputStream in = store.open(digest).orElseThrow()) {
                            in.transferTo(OutputStreamSink.INSTANCE);
                        }
                        double download = rate(bytes, System.nanoTime() - start);
                        if (!warmUp) {
                            mbps.get(name + " upload").add(upload);
                            mbps.get(name + " download").add(download);
                        }
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("# Blob store throughput\n\n");
        report.append(String.format(Locale.ROOT, "%d MB file, %d rounds after one warm-up, %d MiB parts, %d cores%n%n",
                megabytes, rounds, partMb, Runtime.getRuntime().availableProcessors()));
        report.append("| figure | median MB/s | rounds |\n| --- | --- | --- |\n");
        mbps.forEach((figure, values) -> report.append(String.format(Locale.ROOT, "| %s | %.0f | %s |%n", figure,
                median(values), values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList())));
        report.append(String.format(Locale.ROOT, "%nS3 / filesystem: upload %.2f, download %.2f%n",
                median(mbps.get("s3 upload")) / median(mbps.get("filesystem upload")),
                median(mbps.get("s3 download")) / median(mbps.get("filesystem download"))));
        System.out.println(report);
        Files.writeString(Path.of("target", "blob-store-throughput.md"), report);
    }

    private static double rate(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Discards what it is given: a download read to its end, as a client would. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
