package io.modelregistry.server.axon.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite (npm), an in-memory DynamoDB emulator on Node.js, for the tests: installed once into
 * {@code target/dynalite} from the pinned lock file in {@code src/test/dynalite} ({@code npm ci}, no install
 * scripts: the in-memory store is plain JavaScript), started on a free loopback port, stopped when the JVM ends.
 * One instance serves every test of the JVM; each test uses tables of its own ({@link #freshTables}).
 */
public final class Dynalite {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger TABLE_SETS = new AtomicInteger();
    private static Dynalite shared;

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The JVM's dynalite, started on first use. */
    public static synchronized Dynalite shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client with dummy credentials (dynalite checks the signature's shape only) and short timeouts. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(30))
                        .build())
                .build();
    }

    /** Names for a set of tables no other test uses. */
    public static DynamoDbProperties.Tables freshTables(String purpose) {
        return DynamoDbProperties.Tables.prefixed(freshPrefix(purpose));
    }

    /** A table-name prefix no other test uses. */
    public static String freshPrefix(String purpose) {
        return purpose + "-" + ProcessHandle.current().pid() + "-" + TABLE_SETS.incrementAndGet() + "-";
    }

    private static Dynalite start() {
        Path home = install();
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                Process process = new ProcessBuilder("node", home.resolve("node_modules/dynalite/cli.js").toString(),
                        "--port", Integer.toString(port), "--host", "127.0.0.1")
                        .redirectErrorStream(true)
                        .redirectOutput(home.resolve("dynalite-" + port + ".log").toFile())
                        .start();
                if (awaitListening(process, port)) {
                    return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
                }
                process.destroyForcibly();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start dynalite (is Node.js installed?)", e);
            }
        }
        throw new IllegalStateException("dynalite did not start; see target/dynalite/dynalite-*.log");
    }

    private static Path install() {
        Path home = Path.of("target", "dynalite").toAbsolutePath();
        if (Files.isRegularFile(home.resolve("node_modules/dynalite/cli.js"))) {
            return home;
        }
        try {
            Files.createDirectories(home);
            // test JVMs run side by side: one installs, the others wait for it and find the install done
            try (FileChannel lockFile = FileChannel.open(home.resolve(".install.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (Files.isRegularFile(home.resolve("node_modules/dynalite/cli.js"))) {
                    return home;
                }
                return npmCi(home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install dynalite (are Node.js and npm installed?)", e);
        }
    }

    private static Path npmCi(Path home) {
        try {
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(Path.of("src", "test", "dynalite", file), home.resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(home.resolve("npm-ci.log").toFile()).start();
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci of dynalite took longer than " + INSTALL_TIMEOUT);
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci of dynalite failed; see " + home.resolve("npm-ci.log"));
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install dynalite (are Node.js and npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean awaitListening(Process process, int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
