package io.modelregistry.fakehub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local stand-in for the HuggingFace Hub ({@link #hfEndpoint()}) and the GitHub REST API
 * ({@link #githubApiUrl()}) serving the recorded fixtures under {@code hub-fixtures/}, plus generated
 * {@code synthetic/*} models for benchmarks. It listens on 127.0.0.1 only.
 *
 * <p>Test hooks: {@link #failNext}, {@link #corruptNext}, {@link #mirror}, {@link #setDown}, {@link #requestCount},
 * {@link #serveGit} to serve git repositories a test created (smart HTTP, fetch only) at {@link #gitServerUrl()},
 * {@link #serve(CodeRepository)} for a built repository with its pull requests and reviews on the GitHub API,
 * {@link #serveModelCommits} for a model's history, {@link #gitHubPageSize}, {@link #rateLimitNext}, {@link #answerNext},
 * {@link #tooManyRequestsNext} and {@link #delay} for paging, rate limits and slow answers.
 */
public final class FakeHub implements AutoCloseable {

    private static final int THREADS = 8;
    private static final int QUEUE = 512;
    private static final int MAX_PATH_CHARS = 8 * 1024;
    private static final int MAX_QUERY_PARAMS = 64;
    /** Distinct paths counted; beyond it new paths are counted only in the total (a 10k benchmark needs ~40k). */
    private static final int MAX_COUNTED_PATHS = 500_000;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final HuggingFaceRoutes huggingFace;
    private final GitHubRoutes gitHub;
    private volatile GitRoutes git;
    private final Map<String, LongAdder> requestsByPath = new ConcurrentHashMap<>();
    private final LongAdder uncountedRequests = new LongAdder();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Deque<String> corruptions = new ArrayDeque<>();
    private volatile boolean down;
    private volatile int gitHubPageSize = 100;
    private volatile Path gitRoot;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    private FakeHub(int port) throws IOException {
        ObjectMapper json = new ObjectMapper();
        FixtureStore fixtures = FixtureStore.loadFromClasspath();
        this.huggingFace = new HuggingFaceRoutes(fixtures, new SyntheticModels(json), new HubListing(fixtures, json), json,
                this::baseUrl);
        this.gitHub = new GitHubRoutes(fixtures, json, this::baseUrl, () -> gitHubPageSize);
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, port), 128);
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                daemonThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** Starts on an ephemeral port of 127.0.0.1. */
    public static FakeHub start() {
        return start(0);
    }

    public static FakeHub start(int port) {
        disableNagle();
        try {
            return new FakeHub(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake hub on 127.0.0.1:" + port, e);
        }
    }

    /**
     * The JDK server writes headers and body as separate segments; with Nagle on, every keep-alive request
     * then waits ~40 ms for a delayed ACK (measured: 44 ms vs 2-3 ms per request), which would turn a 10k-model
     * benchmark into hours. The server reads this property once, when its first instance in the JVM starts,
     * so it is set here unless someone chose a value already.
     */
    private static void disableNagle() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What to set {@code HF_ENDPOINT} to. */
    public String hfEndpoint() {
        return baseUrl() + HuggingFaceRoutes.PREFIX;
    }

    /** What to set {@code GITHUB_API_URL} to. */
    public String githubApiUrl() {
        return baseUrl() + GitHubRoutes.PREFIX;
    }

    /**
     * Serves the bare repositories under {@code root} (as {@code OWNER/REPO.git}) over git's smart HTTP protocol
     * at {@link #gitServerUrl()}, fetch only. Until this is called, {@code /git} answers 404 like any unknown path.
     */
    public void serveGit(Path root) {
        this.gitRoot = root;
        this.git = new GitRoutes(root);
    }

    /**
     * Serves a repository a test built: over git below the folder given to {@link #serveGit} (which must have been
     * called), and on the GitHub API its pull requests, their reviews and which commits they brought, plus its
     * metadata and contributors where the fixtures record none. What is served is fixed at this call.
     */
    public void serve(CodeRepository repository) {
        Path root = gitRoot;
        if (root == null) {
            throw new IllegalStateException("call serveGit(root) before serving a code repository");
        }
        repository.publish(root);
        gitHub.serve(repository);
    }

    /**
     * Serves {@code history}, newest first, as the commits of the recorded model {@code repoId}
     * ({@code /api/models/{id}/commits/{revision}}, paged by {@code limit} and {@code p} with a {@code Link} header,
     * as the Hub does). Without it, the commits of a model answer 404.
     */
    public void serveModelCommits(String repoId, List<ModelCommit> history) {
        huggingFace.serveCommits(repoId, history);
    }

    /**
     * GitHub lists hold at most this many items per page (GitHub's own bound is 100), so a test sees paging with
     * a few items.
     */
    public void gitHubPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        this.gitHubPageSize = size;
    }

    /**
     * The next request whose path starts with {@code pathPrefix} gets GitHub's primary rate-limit answer: 403 with
     * {@code x-ratelimit-remaining: 0} and {@code x-ratelimit-reset} {@code resetInSeconds} from now. Once per call.
     */
    public void rateLimitNext(String pathPrefix, long resetInSeconds) {
        long reset = System.currentTimeMillis() / 1000 + resetInSeconds;
        addFault(jsonFault(pathPrefix, 403, Map.of("x-ratelimit-limit", "60", "x-ratelimit-remaining", "0",
                "x-ratelimit-used", "60", "x-ratelimit-reset", Long.toString(reset), "x-ratelimit-resource", "core"),
                "{\"message\":\"API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests"
                        + " get a higher rate limit. Check out the documentation for more details.)\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}"));
    }

    /**
     * The next request whose path starts with {@code pathPrefix} gets a secondary rate-limit answer: 429 with
     * {@code Retry-After: retryAfterSeconds}. Once per call.
     */
    public void tooManyRequestsNext(String pathPrefix, long retryAfterSeconds) {
        addFault(jsonFault(pathPrefix, 429, Map.of("Retry-After", Long.toString(retryAfterSeconds)),
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\","
                        + "\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}"));
    }

    /**
     * Every request whose path starts with {@code pathPrefix} waits {@code delay} before it is answered (a slow
     * upstream), until set again with {@link Duration#ZERO}.
     */
    public void delay(String pathPrefix, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            delays.remove(pathPrefix);
        } else {
            delays.put(pathPrefix, delay);
        }
    }

    /** What to set {@code GITHUB_SERVER_URL} to: clones of OWNER/REPO come from {@code <this>/OWNER/REPO.git}. */
    public String gitServerUrl() {
        return baseUrl() + GitRoutes.PREFIX;
    }

    /** The next request whose path starts with {@code pathPrefix} answers {@code status} (once per call). */
    public void failNext(String pathPrefix, int status) {
        addFault(new Fault(pathPrefix, status, Map.of(), null));
    }

    /**
     * The next request whose path starts with {@code pathPrefix} gets exactly this answer, whatever it asked
     * (malformed or oversized metadata, an error code the recorded fixtures never give). Once per call.
     */
    public void answerNext(String pathPrefix, int status, Map<String, String> headers, byte[] body) {
        addFault(new Fault(pathPrefix, status, Map.copyOf(headers), body.clone()));
    }

    /** Forgets every fault and corruption not yet served, so that one a test left unused cannot hit a later test. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
            corruptions.clear();
        }
    }

    private static Fault jsonFault(String pathPrefix, int status, Map<String, String> headers, String body) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.put("Content-Type", "application/json; charset=utf-8");
        return new Fault(pathPrefix, status, withType, body.getBytes(StandardCharsets.UTF_8));
    }

    private void addFault(Fault fault) {
        synchronized (faults) {
            faults.addLast(fault);
        }
    }

    /**
     * The next successful answer to a path starting with {@code pathPrefix} has one byte changed (same length): the
     * bytes are not the ones the listing declares. Once per call.
     */
    public void corruptNext(String pathPrefix) {
        synchronized (faults) {
            corruptions.addLast(pathPrefix);
        }
    }

    /** Serves model {@code mirrorId} as a copy of the recorded model {@code ofRepoId}: same listing, same bytes. */
    public void mirror(String mirrorId, String ofRepoId) {
        huggingFace.mirror(mirrorId, ofRepoId);
    }

    /** While down, every request answers 503. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** Requests received so far whose path (without query) starts with {@code pathPrefix}; "/" counts all. */
    public int requestCount(String pathPrefix) {
        long sum = requestsByPath.entrySet().stream()
                .filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToLong(e -> e.getValue().sum())
                .sum();
        if (pathPrefix.isEmpty() || pathPrefix.equals("/")) {
            sum += uncountedRequests.sum();
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Runs the fake for manual demos: {@code java ... FakeHub [port]} (default 9090), until killed. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
        FakeHub hub = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "fake-hub-shutdown"));
        System.out.println("fake hub on " + hub.baseUrl());
        System.out.println("  HF_ENDPOINT=" + hub.hfEndpoint());
        System.out.println("  GITHUB_API_URL=" + hub.githubApiUrl());
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            count(rawPath == null ? "" : rawPath);
            pause(rawPath == null ? "" : rawPath);
            GitRoutes gitRoutes = git;
            if (gitRoutes != null && !down && rawPath != null && rawPath.length() <= MAX_PATH_CHARS
                    && rawPath.startsWith(GitRoutes.PREFIX + "/")) {
                List<String> segments = decodeSegments(rawPath);
                if (segments != null) {
                    gitRoutes.handle(exchange, segments.subList(1, segments.size()), exchange.getRequestURI().getRawQuery());
                    return;
                }
            }
            Reply reply;
            try {
                reply = answer(exchange.getRequestMethod(), rawPath, exchange.getRequestURI().getRawQuery());
            } catch (RuntimeException e) {
                reply = Reply.plainError(500, "fake hub failure: " + e.getClass().getSimpleName());
            }
            if (reply.status() == 200 && reply.body().length > 0 && takeCorruption(rawPath == null ? "" : rawPath)) {
                byte[] changed = reply.body().clone();
                changed[changed.length / 2] ^= 0x5A;
                reply = new Reply(reply.status(), reply.headers(), changed);
            }
            send(exchange, reply);
        }
    }

    private Reply answer(String method, String rawPath, String rawQuery) {
        if (down) {
            return Reply.plainError(503, "Service unavailable");
        }
        if (rawPath == null || rawPath.length() > MAX_PATH_CHARS) {
            return Reply.plainError(414, "URI too long");
        }
        Fault fault = takeFault(rawPath);
        if (fault != null) {
            if (fault.body() == null) {
                return Reply.plainError(fault.status(), "injected failure");
            }
            return new Reply(fault.status(), fault.headers(), fault.body());
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Reply.plainError(405, "Method not allowed");
        }
        List<String> segments = decodeSegments(rawPath);
        if (segments == null) {
            return Reply.plainError(400, "Invalid path");
        }
        Map<String, List<String>> query = decodeQuery(rawQuery);
        if (!segments.isEmpty() && ("/" + segments.get(0)).equals(HuggingFaceRoutes.PREFIX)) {
            return huggingFace.handle(segments.subList(1, segments.size()), query, rawQuery);
        }
        if (!segments.isEmpty() && ("/" + segments.get(0)).equals(GitHubRoutes.PREFIX)) {
            return gitHub.handle(segments.subList(1, segments.size()), query);
        }
        return Reply.plainError(404, "Not Found");
    }

    private void pause(String rawPath) {
        Duration longest = Duration.ZERO;
        for (Map.Entry<String, Duration> delay : delays.entrySet()) {
            if (rawPath.startsWith(delay.getKey()) && delay.getValue().compareTo(longest) > 0) {
                longest = delay.getValue();
            }
        }
        if (!longest.isZero()) {
            try {
                Thread.sleep(longest.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void count(String rawPath) {
        LongAdder counter = requestsByPath.get(rawPath);
        if (counter == null && requestsByPath.size() < MAX_COUNTED_PATHS) {
            counter = requestsByPath.computeIfAbsent(rawPath, p -> new LongAdder());
        }
        if (counter == null) {
            uncountedRequests.increment();
        } else {
            counter.increment();
        }
    }

    private boolean takeCorruption(String rawPath) {
        synchronized (faults) {
            for (Iterator<String> it = corruptions.iterator(); it.hasNext(); ) {
                if (rawPath.startsWith(it.next())) {
                    it.remove();
                    return true;
                }
            }
            return false;
        }
    }

    private Fault takeFault(String rawPath) {
        synchronized (faults) {
            for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
                Fault fault = it.next();
                if (rawPath.startsWith(fault.pathPrefix())) {
                    it.remove();
                    return fault;
                }
            }
            return null;
        }
    }

    /**
     * Splits and percent-decodes the path; null when a segment is or contains a dot segment, a backslash or a
     * NUL (path traversal), or is malformed. Empty segments (double or trailing slashes) are dropped.
     */
    static List<String> decodeSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment;
            try {
                segment = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
                return null;
            }
            for (String part : segment.split("/", -1)) {
                if (part.equals(".") || part.equals("..")) {
                    return null;
                }
            }
            segments.add(segment);
        }
        return segments;
    }

    private static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        String[] pairs = rawQuery.split("&", MAX_QUERY_PARAMS + 1);
        for (int i = 0; i < Math.min(pairs.length, MAX_QUERY_PARAMS); i++) {
            String[] kv = pairs[i].split("=", 2);
            try {
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // a malformed parameter is ignored, as a lenient server would
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        byte[] body = reply.body();
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        }
        exchange.sendResponseHeaders(reply.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-hub-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** @param body null for the plain "injected failure" answer */
    private record Fault(String pathPrefix, int status, Map<String, String> headers, byte[] body) {
    }
}
