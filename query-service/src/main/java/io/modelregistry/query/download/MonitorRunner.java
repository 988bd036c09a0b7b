package io.modelregistry.query.download;

import io.modelregistry.api.artifact.MonitorVerdict;
import io.modelregistry.api.artifact.MonitorVerdict.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a monitor program as {@code node PROGRAM MODEL_NAME UPLOADER_USERNAME DOWNLOADER_USERNAME ZIP_FILE_PATH}
 * in a process of its own: a fresh scratch directory (its working directory and HOME, deleted afterwards) holds
 * the program and the zip that would be sent; the environment is only the allow-listed variables; stdout and
 * stderr are drained concurrently and kept up to a bound (a chatty program never blocks on a full pipe); past the
 * time limit the process and everything it started are killed. Under the {@code permission} sandbox Node.js may
 * read and write only the scratch directory, and may start no process. Every way of not getting an exit code of 0
 * is a refusal: there is no path from a failure to an allowed download.
 */
final class MonitorRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitorRunner.class);
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+).*");
    /** How long the drain of a stream may outlive its process (a grandchild holding the pipe open). */
    private static final long DRAIN_GRACE_MILLIS = 2_000;

    /** Writes the zip the download would send. */
    interface ZipSource {
        void writeTo(OutputStream out) throws IOException;
    }

    /** One run: the program's bytes (and digest, for the record) and its four arguments. */
    record Invocation(String programSha256, byte[] program, String modelName, String uploader, String downloader) {
    }

    private final MonitorProperties settings;
    private final Path scratchRoot;
    private final Map<String, String> serverEnvironment;
    private final Semaphore slots;
    private final ExecutorService drains;
    private final Map<String, List<String>> sandboxFlags = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong unavailableRuns = new java.util.concurrent.atomic.AtomicLong();
    private volatile java.time.Instant lastRunAt;
    private volatile java.time.Instant lastUnavailableAt;
    private volatile String lastProblem;
    private volatile boolean failing;

    MonitorRunner(MonitorProperties settings, Path scratchRoot, Map<String, String> serverEnvironment) {
        this.settings = settings;
        this.scratchRoot = scratchRoot;
        this.serverEnvironment = Map.copyOf(serverEnvironment);
        this.slots = new Semaphore(settings.maxConcurrent(), true);
        this.drains = Executors.newFixedThreadPool(2 * settings.maxConcurrent(), runnable -> {
            Thread thread = new Thread(runnable, "monitor-drain");
            thread.setDaemon(true);
            return thread;
        });
        removeLeftovers();
    }

    /** Scratch directories of runs a crash interrupted: no run of this process has started yet, so all are stale. */
    private void removeLeftovers() {
        if (!Files.isDirectory(scratchRoot)) {
            return;
        }
        try (Stream<Path> left = Files.list(scratchRoot)) {
            left.filter(path -> path.getFileName().toString().startsWith("run-")).forEach(MonitorRunner::deleteTree);
        } catch (IOException e) {
            log.warn("could not list the monitor scratch directory {}: {}", scratchRoot, e.getMessage());
        }
    }

    MonitorVerdict run(Invocation invocation, ZipSource zip) {
        MonitorVerdict verdict = attempt(invocation, zip);
        runs.incrementAndGet();
        lastRunAt = java.time.Instant.now();
        failing = verdict.outcome() == Outcome.UNAVAILABLE;
        if (failing) {
            unavailableRuns.incrementAndGet();
            lastUnavailableAt = lastRunAt;
            lastProblem = verdict.reason();
        }
        return verdict;
    }

    /** This node's monitor runs so far. */
    MonitorHealth health() {
        return new MonitorHealth(runs.get(), unavailableRuns.get(), lastRunAt, lastUnavailableAt, lastProblem, failing);
    }

    private MonitorVerdict attempt(Invocation invocation, ZipSource zip) {
        long started = System.nanoTime();
        boolean acquired;
        try {
            acquired = slots.tryAcquire(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(invocation, started, "the download was interrupted while waiting for a monitor slot");
        }
        if (!acquired) {
            return unavailable(invocation, started, "all " + settings.maxConcurrent()
                    + " monitor slots stayed busy for " + settings.timeout().toSeconds() + " s; try again shortly");
        }
        Path scratch = null;
        try {
            Files.createDirectories(scratchRoot);
            scratch = Files.createTempDirectory(scratchRoot, "run-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return runIn(scratch.toRealPath(), invocation, zip, started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the monitor's scratch directory", e);
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
            }
            slots.release();
        }
    }

    private MonitorVerdict runIn(Path scratch, Invocation invocation, ZipSource zip, long started) throws IOException {
        Path program = scratch.resolve("monitor.js");
        Files.write(program, invocation.program());
        Path zipFile = scratch.resolve(safeName(invocation.modelName()) + ".zip");
        try (OutputStream out = Files.newOutputStream(zipFile)) {
            zip.writeTo(out);
        }
        Path tmp = Files.createDirectory(scratch.resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(settings.nodeBinary());
        if (settings.sandboxed()) {
            List<String> flags;
            try {
                flags = sandboxFlags.computeIfAbsent(settings.nodeBinary(), this::permissionFlag);
            } catch (NodeUnusable e) {
                return unavailable(invocation, started, e.getMessage());
            }
            command.addAll(flags);
            // a directory grants what is inside it; the trailing separator says so to every Node.js version
            command.add("--allow-fs-read=" + scratch + "/");
            command.add("--allow-fs-write=" + scratch + "/");
        }
        command.add(program.toString());
        command.add(invocation.modelName());
        command.add(invocation.uploader());
        command.add(invocation.downloader());
        command.add(zipFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile());
        environment(builder.environment(), scratch, tmp);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return unavailable(invocation, started, "Node.js could not be started ('" + settings.nodeBinary()
                    + "': " + e.getMessage() + ")");
        }
        process.getOutputStream().close(); // stdin: the program reads nothing from the server
        int limit = (int) settings.maxOutput().toBytes();
        Capture stdout = new Capture(limit);
        Capture stderr = new Capture(limit);
        Future<?> outDrain = drains.submit(() -> stdout.drain(process.getInputStream()));
        Future<?> errDrain = drains.submit(() -> stderr.drain(process.getErrorStream()));
        boolean exited;
        try {
            exited = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        killTree(process); // on time out, and any child a program left behind
        finish(outDrain, process.getInputStream());
        finish(errDrain, process.getErrorStream());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        boolean truncated = stdout.truncated() || stderr.truncated();
        if (!exited) {
            return new MonitorVerdict(Outcome.TIMED_OUT, null, invocation.programSha256(), stdout.text(),
                    stderr.text(), truncated, millis, "the monitor program did not finish within "
                    + settings.timeout().toMillis() + " ms and was killed");
        }
        int exit = process.exitValue();
        if (exit == 0) {
            return new MonitorVerdict(Outcome.ALLOWED, 0, invocation.programSha256(), stdout.text(), stderr.text(),
                    truncated, millis, null);
        }
        return new MonitorVerdict(Outcome.REFUSED, exit, invocation.programSha256(), stdout.text(), stderr.text(),
                truncated, millis, "the monitor program exited with code " + exit);
    }

    /** Only the allow-listed variables, and a HOME and TMPDIR of the run's own. */
    private void environment(Map<String, String> env, Path scratch, Path tmp) {
        env.clear();
        for (String name : settings.environment()) {
            String value = serverEnvironment.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.put("HOME", scratch.toString());
        env.put("TMPDIR", tmp.toString());
    }

    /** The permission model's flag for this Node.js: {@code --permission} from 22.13/23.5, experimental before. */
    private List<String> permissionFlag(String binary) {
        ProcessBuilder builder = new ProcessBuilder(binary, "--version").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        if (serverEnvironment.containsKey("PATH")) {
            env.put("PATH", serverEnvironment.get("PATH"));
        }
        String version;
        try {
            Process probe = builder.start();
            probe.getOutputStream().close();
            Capture out = new Capture(256);
            Future<?> drain = drains.submit(() -> out.drain(probe.getInputStream()));
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                killTree(probe);
                throw new NodeUnusable("'" + binary + " --version' did not answer within 10 s");
            }
            finish(drain, probe.getInputStream());
            version = out.text().trim();
        } catch (IOException e) {
            throw new NodeUnusable("Node.js could not be started ('" + binary + "': " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnusable("interrupted while asking Node.js for its version");
        }
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new NodeUnusable("'" + binary + " --version' answered '" + abbreviate(version)
                    + "', not a Node.js version");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 20) {
            throw new NodeUnusable("Node.js " + version + " has no permission model (20 or later is needed; "
                    + "registry.monitor.sandbox=none runs programs without it)");
        }
        boolean stable = major >= 24 || major == 23 && minor >= 5 || major == 22 && minor >= 13;
        log.info("monitor programs run on Node.js {} with {}", version,
                stable ? "--permission" : "--experimental-permission");
        return List.of(stable ? "--permission" : "--experimental-permission");
    }

    private static final class NodeUnusable extends RuntimeException {
        NodeUnusable(String message) {
            super(message);
        }
    }

    private static void killTree(Process process) {
        List<ProcessHandle> tree;
        try (Stream<ProcessHandle> descendants = process.descendants()) {
            tree = descendants.toList();
        }
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits a little for a drain to reach the end of its stream; closing the stream ends one that does not. */
    private static void finish(Future<?> drain, InputStream stream) {
        try {
            drain.get(DRAIN_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            closeQuietly(stream);
            drain.cancel(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(stream);
        } catch (java.util.concurrent.ExecutionException e) {
            closeQuietly(stream);
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the process is gone; nothing more to read
        }
    }

    private MonitorVerdict unavailable(Invocation invocation, long started, String reason) {
        return new MonitorVerdict(Outcome.UNAVAILABLE, null, invocation.programSha256(), "", "", false,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), reason);
    }

    /** The zip's file name: the model's name with anything but {@code [A-Za-z0-9._-]} replaced, bounded. */
    static String safeName(String modelName) {
        String safe = modelName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "model" + safe;
        }
        return safe.length() > 100 ? safe.substring(0, 100) : safe;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("could not delete monitor scratch file {}: {}", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("could not delete monitor scratch directory {}: {}", root, e.getMessage());
        }
    }

    @Override
    public void close() {
        drains.shutdownNow();
    }

    /** Keeps the first {@code limit} bytes of a stream and reads (and drops) the rest until it ends. */
    static final class Capture {
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean truncated;

        Capture(int limit) {
            this.limit = limit;
        }

        void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    synchronized (kept) {
                        int room = limit - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(room, n));
                        }
                        if (n > room) {
                            truncated = true;
                        }
                    }
                }
            } catch (IOException e) {
                // the stream was closed under us (the process is gone): what was read is what there is
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }

        boolean truncated() {
            return truncated;
        }
    }

    /** The server's own environment, as the runner's source of allow-listed variables. */
    static Map<String, String> systemEnvironment() {
        return new HashMap<>(System.getenv());
    }
}
