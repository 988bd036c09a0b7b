package io.modelregistry.hub;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A card (README.md) split into its YAML front matter, the metadata block between a first line {@code ---} and
 * the next line {@code ---} or {@code ...}, and the body after it. Written once for lineage and rating, with one
 * YAML stack (Jackson's YAML format, which reads through SnakeYAML's parser) and one set of bounds:
 * <ul>
 *   <li>the block must close within {@value #MAX_LINES} lines and {@value #MAX_CHARS} characters, or it is
 *       malformed (a card that never closes its block is not metadata we can trust);</li>
 *   <li>no aliases at all (so no "billion laughs"; see {@link #usesAliases}), nesting at most
 *       {@value #MAX_DEPTH} deep, safe scalars only (Jackson builds JSON nodes, never Java objects named by the
 *       document).</li>
 * </ul>
 * A block that does not parse, or parses to something other than a mapping, is malformed: a fact about the
 * card, never an exception. {@code "---\n---"} is present and empty.
 *
 * @param state     whether there is front matter, and whether it parsed
 * @param metadata  the mapping (empty unless {@link State#PARSED})
 * @param lines     the card's lines (a BOM dropped; CRLF and CR are line ends)
 * @param bodyStart the index of the first body line (0 when there is no well-formed block)
 */
public record FrontMatter(State state, ObjectNode metadata, String[] lines, int bodyStart) {

    public enum State { ABSENT, PARSED, MALFORMED }

    public static final int MAX_LINES = 5_000;
    public static final int MAX_CHARS = 256 * 1024;
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(limits())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private static LoaderOptions limits() {
        LoaderOptions limits = new LoaderOptions();
        limits.setNestingDepthLimit(MAX_DEPTH);
        limits.setCodePointLimit(MAX_CHARS * 2);
        return limits;
    }

    /** Splits and parses {@code card}; null or blank is a card without front matter. */
    public static FrontMatter of(String card) {
        if (card == null || card.isBlank()) {
            return new FrontMatter(State.ABSENT, empty(), card == null ? new String[0] : lines(card), 0);
        }
        String text = card.startsWith("\uFEFF") ? card.substring(1) : card;
        String[] lines = lines(text);
        if (!lines[0].strip().equals("---")) {
            return new FrontMatter(State.ABSENT, empty(), lines, 0);
        }
        int end = -1;
        int chars = 0;
        for (int i = 1; i < Math.min(lines.length, MAX_LINES) && chars <= MAX_CHARS; i++) {
            String line = lines[i].strip();
            if (line.equals("---") || line.equals("...")) {
                end = i;
                break;
            }
            chars += lines[i].length() + 1;
        }
        if (end < 0) {
            return new FrontMatter(State.MALFORMED, empty(), lines, 0);
        }
        String block = String.join("\n", Arrays.copyOfRange(lines, 1, end));
        int bodyStart = end + 1;
        return parse(block).map(node -> new FrontMatter(State.PARSED, node, lines, bodyStart))
                .orElseGet(() -> new FrontMatter(State.MALFORMED, empty(), lines, bodyStart));
    }

    /** The body: every line after the block (all lines when there is no well-formed block), joined by '\n'. */
    public String body() {
        return bodyStart >= lines.length ? "" : String.join("\n", Arrays.copyOfRange(lines, bodyStart, lines.length));
    }

    public boolean parsed() {
        return state == State.PARSED;
    }

    private static Optional<ObjectNode> parse(String block) {
        if (block.isBlank()) {
            return Optional.of(empty());
        }
        try {
            if (usesAliases(block)) {
                return Optional.empty();
            }
            JsonNode node = YAML.readTree(block);
            return node != null && node.isObject() ? Optional.of((ObjectNode) node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // the parser reports its limits (aliases, depth, size) as runtime exceptions: all mean "malformed"
            return Optional.empty();
        }
    }

    /**
     * Jackson's YAML format does not expand aliases: it would read {@code *a} as the text "a". Rather than
     * hand a metric a wrong value, a block that uses aliases is malformed (model cards in the wild do not).
     */
    private static boolean usesAliases(String block) throws IOException {
        try (JsonParser parser = YAML.getFactory().createParser(block)) {
            while (parser.nextToken() != null) {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] lines(String text) {
        return text.split("\r\n|\r|\n", -1);
    }

    private static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
