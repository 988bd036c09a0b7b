package io.modelregistry.projection.lineage;

import io.modelregistry.api.lineage.TargetKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable ids for unregistered targets: {@code ext-} and 16 hex digits of the sha-256 of kind and target. The
 * same target always gets the same id, and it cannot collide with a registered id (18 decimal digits).
 */
final class ExternalIds {

    static final String PREFIX = "ext-";

    private ExternalIds() {
    }

    static String of(String targetKind, String target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((targetKind + ":" + TargetKeys.of(target).key()).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
