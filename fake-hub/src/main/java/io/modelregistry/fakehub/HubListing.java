package io.modelregistry.fakehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /api/models} and {@code /api/datasets}: the recorded listing (models) or one assembled from the
 * dataset infos, filtered and sorted the way the hub does ({@code search}, {@code author}, {@code filter},
 * {@code sort}, {@code direction}, {@code limit}). Synthetic models are not listed.
 */
final class HubListing {

    private static final int MAX_LIMIT = 1000;
    private static final Set<String> SORT_KEYS = Set.of("downloads", "likes", "lastModified", "createdAt",
            "trendingScore");
    private static final List<String> DATASET_LISTING_KEYS = List.of("_id", "id", "author", "sha", "lastModified",
            "private", "gated", "disabled", "tags", "downloads", "likes", "createdAt");

    private final ObjectMapper json;
    private final List<JsonNode> models;
    private final List<JsonNode> datasets;

    HubListing(FixtureStore fixtures, ObjectMapper json) {
        this.json = json;
        this.models = fixtures.get("huggingface/api/models.json").map(this::elements).orElse(List.of());
        List<JsonNode> datasetEntries = new ArrayList<>();
        for (String path : fixtures.listRepoFiles("huggingface/api/datasets", ".json")) {
            JsonNode info = read(fixtures.get(path).orElseThrow());
            ObjectNode entry = json.createObjectNode();
            DATASET_LISTING_KEYS.stream().filter(info::has).forEach(key -> entry.set(key, info.get(key)));
            datasetEntries.add(entry);
        }
        this.datasets = List.copyOf(datasetEntries);
    }

    byte[] models(Map<String, List<String>> query) {
        return filter(models, query);
    }

    byte[] datasets(Map<String, List<String>> query) {
        return filter(datasets, query);
    }

    private byte[] filter(List<JsonNode> entries, Map<String, List<String>> query) {
        Predicate<JsonNode> keep = entry -> true;
        String search = first(query, "search");
        if (search != null) {
            String needle = search.toLowerCase(Locale.ROOT);
            keep = keep.and(e -> e.path("id").asText().toLowerCase(Locale.ROOT).contains(needle));
        }
        String author = first(query, "author");
        if (author != null) {
            keep = keep.and(e -> e.path("id").asText().toLowerCase(Locale.ROOT)
                    .startsWith(author.toLowerCase(Locale.ROOT) + "/"));
        }
        for (String tag : query.getOrDefault("filter", List.of())) {
            keep = keep.and(e -> hasTag(e, tag));
        }
        for (String key : List.of("pipeline_tag", "library")) {
            String wanted = first(query, key);
            if (wanted != null) {
                String field = key.equals("library") ? "library_name" : key;
                keep = keep.and(e -> wanted.equals(e.path(field).asText(null)) || hasTag(e, wanted));
            }
        }
        List<JsonNode> result = new ArrayList<>(entries.stream().filter(keep).toList());
        String sort = first(query, "sort");
        if (sort != null && SORT_KEYS.contains(sort)) {
            Comparator<JsonNode> order = Comparator.comparing(e -> e.path(sort),
                    (a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble())
                            : a.asText("").compareTo(b.asText("")));
            boolean ascending = "1".equals(first(query, "direction"));
            result.sort(ascending ? order : order.reversed());
        }
        int limit = parseLimit(first(query, "limit"));
        ArrayNode out = json.createArrayNode();
        result.stream().limit(limit).forEach(out::add);
        try {
            return json.writeValueAsBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasTag(JsonNode entry, String tag) {
        for (JsonNode t : entry.path("tags")) {
            if (t.asText().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static int parseLimit(String value) {
        if (value == null) {
            return MAX_LIMIT;
        }
        try {
            return Math.max(0, Math.min(MAX_LIMIT, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return MAX_LIMIT;
        }
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private List<JsonNode> elements(byte[] array) {
        List<JsonNode> out = new ArrayList<>();
        read(array).forEach(out::add);
        return List.copyOf(out);
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("broken fixture JSON", e);
        }
    }
}
