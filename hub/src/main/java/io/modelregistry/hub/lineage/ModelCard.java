package io.modelregistry.hub.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Optional;

/**
 * A README split into its YAML front matter (the model card's metadata block between the first two
 * {@code ---} lines) and its body. A card without front matter has none; one whose block does not close or does
 * not parse as a YAML mapping has malformed metadata.
 */
record ModelCard(State state, JsonNode metadata, String[] lines, int bodyStart) {

    enum State { ABSENT, PARSED, MALFORMED }

    /** Front matter longer than this is not model-card metadata we will parse. */
    static final int MAX_FRONT_MATTER_LINES = 5_000;

    static ModelCard of(String readme, ObjectMapper yaml) {
        if (readme == null || readme.isBlank()) {
            return new ModelCard(State.ABSENT, null, new String[0], 0);
        }
        String text = readme.startsWith("\uFEFF") ? readme.substring(1) : readme;
        String[] lines = text.split("\r?\n", -1);
        if (!lines[0].strip().equals("---")) {
            return new ModelCard(State.ABSENT, null, lines, 0);
        }
        int end = -1;
        for (int i = 1; i < Math.min(lines.length, MAX_FRONT_MATTER_LINES); i++) {
            String line = lines[i].stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return new ModelCard(State.MALFORMED, null, lines, 0);
        }
        int bodyStart = end + 1;
        String block = String.join("\n", Arrays.copyOfRange(lines, 1, end));
        return parse(block, yaml).map(node -> new ModelCard(State.PARSED, node, lines, bodyStart))
                .orElseGet(() -> new ModelCard(State.MALFORMED, null, lines, bodyStart));
    }

    private static Optional<JsonNode> parse(String block, ObjectMapper yaml) {
        if (block.isBlank()) {
            // "---\n---" declares an empty mapping: present, just with nothing in it
            return Optional.of(yaml.createObjectNode());
        }
        try {
            JsonNode node = yaml.readTree(block);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            // snakeyaml reports limits (aliases, depth, size) as runtime exceptions: all mean "malformed"
            return Optional.empty();
        }
    }
}
