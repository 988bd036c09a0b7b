package io.modelregistry.rating;

import java.util.Locale;

/**
 * What the ingest gate does with a public HuggingFace model that fails it ({@code REGISTRY_INGEST_GATE}):
 * {@code enforce} (the default) refuses it with 424; {@code advisory} registers it, marked "not vetted".
 */
public enum GatePolicy {
    ENFORCE, ADVISORY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the configured value; anything but the two names stops start-up with a message that says so. */
    public static GatePolicy parse(String configured) {
        String value = configured == null ? "" : configured.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "enforce" -> ENFORCE;
            case "advisory" -> ADVISORY;
            default -> throw new IllegalStateException("REGISTRY_INGEST_GATE must be 'enforce' or 'advisory', not '"
                    + (configured == null ? "" : configured.replaceAll("\\p{Cntrl}", "?")) + "'.");
        };
    }
}
