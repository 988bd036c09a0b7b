package io.modelregistry.fakehub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Bytes for listed files that were never recorded (weights, tokenizers) of the repos named in
 * {@link #FULL_SIZE_REPOS}: generated from the repo id and path at their real listed size, so every run serves
 * the same bytes without committing them, and the suite streams one realistic model instead of the gigabytes
 * every fixture lists. Those repos' info responses list the generated files under the sha-256 and git blob id of
 * the bytes served, so a client that verifies its downloads accepts them. Other repos' info is served exactly as
 * recorded, and their unrecorded files answer 404 as before.
 */
final class GeneratedFiles {

    /** Repos whose unrecorded files are generated (arnir0/Tiny-LLM: a 52 MB safetensors file). */
    static final Set<String> FULL_SIZE_REPOS = Set.of("arnir0/Tiny-LLM");
    /** Nothing larger is ever generated: the fake holds a generated file in memory while it is sent. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private GeneratedFiles() {
    }

    static boolean generates(String repoId, long size) {
        return size >= 0 && size <= MAX_BYTES && FULL_SIZE_REPOS.contains(repoId);
    }

    static byte[] bytes(String repoId, String path, long size) {
        byte[] seed = digest("SHA-256", (repoId + "\n" + path).getBytes(StandardCharsets.UTF_8));
        long seedValue = 0;
        for (int i = 0; i < 8; i++) {
            seedValue = (seedValue << 8) | (seed[i] & 0xFF);
        }
        byte[] content = new byte[(int) size];
        new SplittableRandom(seedValue).nextBytes(content);
        return content;
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest("SHA-256", content));
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every Java platform", e);
        }
    }
}
