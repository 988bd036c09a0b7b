package io.modelregistry.command.ingest;

import java.util.Locale;

/** Normalises a licence id as a source declares it: trimmed, bounded, and null for "no assertion". */
final class Licences {

    private static final int MAX_CHARS = 100;

    private Licences() {
    }

    static String clean(String declared) {
        if (declared == null) {
            return null;
        }
        String licence = declared.strip();
        if (licence.isEmpty() || licence.toUpperCase(Locale.ROOT).equals("NOASSERTION")) {
            return null;
        }
        return licence.length() <= MAX_CHARS ? licence : licence.substring(0, MAX_CHARS);
    }
}
