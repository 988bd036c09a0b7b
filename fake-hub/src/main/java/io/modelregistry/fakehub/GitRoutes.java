package io.modelregistry.fakehub;

import com.sun.net.httpserver.HttpExchange;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * The git server half of the fake, below {@code /git}: git's smart HTTP protocol, fetch only, for bare
 * repositories a test created under one folder as {@code OWNER/REPO.git} (owner and repo matched
 * case-insensitively, as on GitHub). JGit's {@link UploadPack} speaks the protocol; this class only routes
 * {@code GET .../info/refs?service=git-upload-pack} and {@code POST .../git-upload-pack} to it. Pushes are
 * refused, as are names that are not plain {@code OWNER/REPO}.
 */
final class GitRoutes {

    static final String PREFIX = "/git";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final int MAX_REQUEST_BYTES = 1 << 20;

    private final Path root;

    GitRoutes(Path root) {
        this.root = root;
    }

    /** @param segments the decoded path segments after {@code /git} */
    void handle(HttpExchange exchange, List<String> segments, String rawQuery) throws IOException {
        if (segments.size() < 3 || !segments.get(1).endsWith(".git")) {
            reply(exchange, 404, "no such repository");
            return;
        }
        File gitDir = find(segments.get(0), segments.get(1).substring(0, segments.get(1).length() - 4));
        if (gitDir == null) {
            reply(exchange, 404, "no such repository");
            return;
        }
        String service = String.join("/", segments.subList(2, segments.size()));
        String method = exchange.getRequestMethod();
        try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            if (method.equals("GET") && service.equals("info/refs") && "service=git-upload-pack".equals(rawQuery)) {
                advertise(exchange, repository);
            } else if (method.equals("POST") && service.equals("git-upload-pack")) {
                upload(exchange, repository);
            } else {
                reply(exchange, 403, "only fetching is served");
            }
        }
    }

    private static void advertise(HttpExchange exchange, Repository repository) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-advertisement");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(out);
            packets.writeString("# service=git-upload-pack\n");
            packets.end();
            UploadPack pack = new UploadPack(repository);
            pack.setBiDirectionalPipe(false);
            pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(packets));
        }
    }

    private static void upload(HttpExchange exchange, Repository repository) throws IOException {
        InputStream body = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        byte[] request = (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")
                ? new GZIPInputStream(body) : body).readNBytes(MAX_REQUEST_BYTES);
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            UploadPack pack = new UploadPack(repository);
            pack.setBiDirectionalPipe(false);
            pack.upload(new java.io.ByteArrayInputStream(request), out, null);
        }
    }

    private File find(String owner, String repo) throws IOException {
        if (root == null || !NAME.matcher(owner).matches() || !NAME.matcher(repo).matches()
                || owner.startsWith(".") || repo.startsWith(".")) {
            return null;
        }
        try (var owners = Files.list(root)) {
            Path ownerDir = owners.filter(p -> p.getFileName().toString().equalsIgnoreCase(owner)).findFirst().orElse(null);
            if (ownerDir == null) {
                return null;
            }
            try (var repos = Files.list(ownerDir)) {
                return repos.filter(p -> p.getFileName().toString().equalsIgnoreCase(repo + ".git"))
                        .filter(Files::isDirectory).findFirst().map(Path::toFile).orElse(null);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
