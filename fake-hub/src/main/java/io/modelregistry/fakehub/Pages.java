package io.modelregistry.fakehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a JSON list with an RFC 8288 {@code Link} header, as GitHub ({@code page}/{@code per_page}, pages
 * from 1) and the HuggingFace Hub ({@code p}/{@code limit}, pages from 0) page their lists. The links are absolute
 * URLs carrying the request's other parameters, as the real services send them.
 */
final class Pages {

    private Pages() {
    }

    /**
     * @param url       absolute URL of the list, without query
     * @param pageParam {@code page} (GitHub) or {@code p} (HuggingFace)
     * @param sizeParam {@code per_page} or {@code limit}
     * @param firstPage 1 for GitHub, 0 for HuggingFace
     */
    static Reply page(ObjectMapper json, List<JsonNode> items, String url, Map<String, List<String>> query,
                      String pageParam, String sizeParam, int firstPage, int defaultSize, int maxSize) {
        int size = Math.max(1, Math.min(maxSize, intParam(query, sizeParam, defaultSize)));
        int page = Math.max(firstPage, intParam(query, pageParam, firstPage));
        int lastPage = firstPage + Math.max(0, (items.size() - 1) / size);
        int from = (int) Math.min(items.size(), (long) (page - firstPage) * size);
        int to = Math.min(items.size(), from + size);
        ArrayNode body = json.createArrayNode();
        items.subList(from, to).forEach(body::add);
        List<String> links = new ArrayList<>();
        if (page < lastPage) {
            links.add(link(url, query, pageParam, sizeParam, size, page + 1, "next"));
            links.add(link(url, query, pageParam, sizeParam, size, lastPage, "last"));
        }
        if (page > firstPage) {
            links.add(link(url, query, pageParam, sizeParam, size, firstPage, "first"));
            links.add(link(url, query, pageParam, sizeParam, size, Math.min(page - 1, lastPage), "prev"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        if (!links.isEmpty()) {
            headers.put("Link", String.join(", ", links));
        }
        try {
            return new Reply(200, headers, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String link(String url, Map<String, List<String>> query, String pageParam, String sizeParam,
                               int size, int page, String rel) {
        StringBuilder out = new StringBuilder("<").append(url).append('?');
        query.forEach((key, values) -> {
            if (!key.equals(pageParam) && !key.equals(sizeParam)) {
                values.forEach(v -> out.append(encode(key)).append('=').append(encode(v)).append('&'));
            }
        });
        out.append(sizeParam).append('=').append(size).append('&').append(pageParam).append('=').append(page);
        return out.append(">; rel=\"").append(rel).append('"').toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static int intParam(Map<String, List<String>> query, String name, int fallback) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(values.get(0).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
