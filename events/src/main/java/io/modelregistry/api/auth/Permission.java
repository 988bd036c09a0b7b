package io.modelregistry.api.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a user may do besides administration: upload (create, update, delete, re-rate artifacts), search (list,
 * query, read metadata, ratings, lineage, cost, audit) and download (read an artifact with its download link). The
 * admin flag is separate: it grants user management and reset, not these.
 */
public enum Permission {
    UPLOAD, SEARCH, DOWNLOAD;

    /** The name on the wire and in events: {@code upload}, {@code search}, {@code download}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Permission> fromWire(String name) {
        for (Permission permission : values()) {
            if (permission.wireName().equals(name)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }

    /** Every permission: what each user could do before permissions existed, and what the default admin holds. */
    public static Set<Permission> all() {
        return Set.copyOf(EnumSet.allOf(Permission.class));
    }
}
