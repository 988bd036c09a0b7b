package io.modelregistry.command.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The licence knowledge of the rating: {@code rating/licence-scores.json} maps licence ids and aliases to a
 * score and a reason. Loaded once; immutable.
 */
final class LicenceTable {

    static final String RESOURCE = "rating/licence-scores.json";
    private static final int MAX_ID_CHARS = 100;

    record Entry(String id, double score, String reason) {
    }

    private final Map<String, Entry> byName;
    private final Entry unrecognised;
    private final Entry missing;

    private LicenceTable(Map<String, Entry> byName, Entry unrecognised, Entry missing) {
        this.byName = Map.copyOf(byName);
        this.unrecognised = unrecognised;
        this.missing = missing;
    }

    static LicenceTable load() {
        try (InputStream in = LicenceTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Entry> byName = new HashMap<>();
            for (JsonNode licence : root.path("licences")) {
                Entry entry = new Entry(licence.path("id").asText(), licence.path("score").asDouble(),
                        licence.path("reason").asText());
                byName.put(normalise(entry.id()), entry);
                licence.path("aliases").forEach(alias -> byName.putIfAbsent(normalise(alias.asText()), entry));
            }
            return new LicenceTable(byName, special(root, "unrecognised"), special(root, "missing"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Entry special(JsonNode root, String key) {
        JsonNode node = root.path(key);
        return new Entry(key, node.path("score").asDouble(), node.path("reason").asText());
    }

    /** The entry for a declared licence id: missing when null/blank, unrecognised when not in the table. */
    Entry lookup(String declared) {
        if (declared == null || declared.isBlank()) {
            return missing;
        }
        Entry entry = byName.get(normalise(declared));
        if (entry == null) {
            return new Entry(declared.strip(), unrecognised.score(), unrecognised.reason());
        }
        return entry;
    }

    static String normalise(String id) {
        String s = id.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("license:")) {
            s = s.substring("license:".length());
        }
        s = s.length() > MAX_ID_CHARS ? s.substring(0, MAX_ID_CHARS) : s;
        return s.replace('_', '-').replaceAll("\\s+", " ");
    }
}
