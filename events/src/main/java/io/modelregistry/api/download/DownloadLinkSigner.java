package io.modelregistry.api.download;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies download capabilities with HMAC-SHA256 under a server-side secret. The signed text
 * names the artifact, the exact package digest, the user and the expiry, so a link cannot be altered to
 * reach another package, user or time. Shared by the write side (ingest answers carry a link) and the read
 * side (reads carry a link; the download endpoint verifies it).
 */
public final class DownloadLinkSigner {

    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ARTIFACT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final byte[] secret;
    private final Duration lifetime;
    private final Clock clock;

    public DownloadLinkSigner(byte[] secret, Duration lifetime, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("download signing secret must be at least 32 bytes");
        }
        this.secret = secret.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The query string (without '?') of a fresh link for this user and package. */
    public String sign(String artifactId, String packageDigest, String username, boolean admin) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String user = encodeUser(username);
        String sig = mac(canonical(artifactId, packageDigest, user, admin, expires));
        return "d=" + packageDigest + "&u=" + user + "&a=" + (admin ? 1 : 0) + "&e=" + expires + "&s=" + sig;
    }

    /**
     * The absolute download URL for a package: {@code baseUrl} is the server's externally visible root
     * (e.g. {@code https://registry.example}), taken from the request that asked for the link.
     */
    public String link(String baseUrl, String artifactId, String packageDigest, String username, boolean admin) {
        String root = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return root + "/download/" + artifactId + "?" + sign(artifactId, packageDigest, username, admin);
    }

    /** Verifies a link's parameters; empty when anything is missing, malformed, tampered with or expired. */
    public Optional<DownloadCapability> verify(String artifactId, String digest, String user, String admin,
                                               String expires, String signature) {
        if (artifactId == null || digest == null || user == null || admin == null || expires == null
                || signature == null || !ARTIFACT_ID.matcher(artifactId).matches()
                || !HEX_DIGEST.matcher(digest).matches() || !("0".equals(admin) || "1".equals(admin))
                || user.length() > 256 || expires.length() > 19 || signature.length() > 128) {
            return Optional.empty();
        }
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean isAdmin = "1".equals(admin);
        String expected = mac(canonical(artifactId, digest, user, isAdmin, expiry));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(expiry);
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new DownloadCapability(artifactId, digest, decodeUser(user), isAdmin, expiresAt));
    }

    private static String canonical(String artifactId, String digest, String user, boolean admin, long expires) {
        return "v1\n" + artifactId + "\n" + digest + "\n" + user + "\n" + admin + "\n" + expires;
    }

    // Usernames are free text; base64url keeps the query string safe without a URL-encoding step.
    private static String encodeUser(String username) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeUser(String encoded) {
        try {
            return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

}
