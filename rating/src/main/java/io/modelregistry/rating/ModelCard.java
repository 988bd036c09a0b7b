package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.hub.FrontMatter;
import io.modelregistry.hub.MarkdownOutline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model or dataset card (README.md) taken apart once per rating: the YAML front matter, the sections under
 * headings, the fenced code blocks and the prose without HTML comments. Every size is bounded: the text is
 * cut at {@value #MAX_CHARS} characters, the front matter is split and parsed by the hub module's
 * {@link FrontMatter} (the same bounds as lineage), at most {@value #MAX_CODE_BLOCKS} code blocks and
 * {@value #MAX_SECTIONS} sections are kept. Malformed bytes arrive as U+FFFD and are just text here.
 */
final class ModelCard {

    static final int MAX_CHARS = 256 * 1024;
    static final int MAX_CODE_BLOCKS = 64;
    static final int MAX_BLOCK_CHARS = 32 * 1024;
    static final int MAX_SECTIONS = 256;

    /** What the HuggingFace card template leaves where the author wrote nothing. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[?More Information Needed\\]?",
            Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’-]*");

    private static final ModelCard EMPTY = new ModelCard(false, Map.of(), false, "", "", List.of(), List.of(), 0);

    private final boolean present;
    private final Map<String, Object> frontMatter;
    private final boolean frontMatterMalformed;
    private final String body;
    private final String prose;
    private final List<CodeBlock> codeBlocks;
    private final List<CardSection> sections;
    private final int placeholders;

    private ModelCard(boolean present, Map<String, Object> frontMatter, boolean frontMatterMalformed, String body,
                      String prose, List<CodeBlock> codeBlocks, List<CardSection> sections, int placeholders) {
        this.present = present;
        this.frontMatter = frontMatter;
        this.frontMatterMalformed = frontMatterMalformed;
        this.body = body;
        this.prose = prose;
        this.codeBlocks = codeBlocks;
        this.sections = sections;
        this.placeholders = placeholders;
    }

    static ModelCard empty() {
        return EMPTY;
    }

    static ModelCard parse(String readme) {
        if (readme == null) {
            return EMPTY;
        }
        String text = readme.length() > MAX_CHARS ? readme.substring(0, MAX_CHARS) : readme;
        FrontMatter split = FrontMatter.of(text);
        Map<String, Object> frontMatter = split.parsed() ? values(split.metadata()) : Map.of();
        String body = withoutHtmlComments(split.body());
        int placeholders = count(PLACEHOLDER, body);
        return scan(frontMatter, split.state() == FrontMatter.State.MALFORMED, body, placeholders);
    }

    /** The mapping as plain values (strings, numbers, lists, maps); keys without a value are left out. */
    private static Map<String, Object> values(JsonNode metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        metadata.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                out.put(field.getKey(), PLAIN.convertValue(field.getValue(), Object.class));
            }
        });
        return out;
    }

    private static String withoutHtmlComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (true) {
            int open = text.indexOf("<!--", from);
            if (open < 0) {
                out.append(text, from, text.length());
                return out.toString();
            }
            out.append(text, from, open);
            int close = text.indexOf("-->", open + 4);
            if (close < 0) {
                return out.toString();
            }
            from = close + 3;
        }
    }

    /** Code blocks and headings as CommonMark finds them (hub's MarkdownOutline); every other line is prose. */
    private static ModelCard scan(Map<String, Object> frontMatter, boolean malformed, String body, int placeholders) {
        List<String> lines = Arrays.asList(body.split("\n", -1));
        MarkdownOutline outline = MarkdownOutline.of(lines);
        Map<Integer, MarkdownOutline.Fence> fenceAt = new HashMap<>();
        outline.fences().forEach(fence -> fenceAt.put(fence.firstLine(), fence));
        Map<Integer, MarkdownOutline.Section> headingAt = new HashMap<>();
        outline.headings().forEach(heading -> headingAt.put(heading.firstLine(), heading));
        List<CodeBlock> blocks = new ArrayList<>();
        List<CardSection> sections = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        StringBuilder sectionProse = new StringBuilder();
        String title = "";
        int level = 0;
        int sectionBlocks = 0;
        for (int i = 0; i < lines.size(); i++) {
            MarkdownOutline.Fence fence = fenceAt.get(i);
            if (fence != null) {
                if (blocks.size() < MAX_CODE_BLOCKS) {
                    String code = fence.code();
                    blocks.add(new CodeBlock(fence.language(),
                            code.length() <= MAX_BLOCK_CHARS ? code : code.substring(0, MAX_BLOCK_CHARS)));
                }
                sectionBlocks++;
                i = Math.max(i, fence.lastLine());
                continue;
            }
            MarkdownOutline.Section heading = headingAt.get(i);
            if (heading != null) {
                if (level > 0 && sections.size() < MAX_SECTIONS) {
                    sections.add(new CardSection(level, title, sectionProse.toString(), sectionBlocks));
                }
                level = heading.level();
                title = heading.title();
                sectionProse.setLength(0);
                sectionBlocks = 0;
                i = Math.max(i, heading.lastLine());
                continue;
            }
            prose.append(lines.get(i)).append('\n');
            sectionProse.append(lines.get(i)).append('\n');
        }
        if (level > 0 && sections.size() < MAX_SECTIONS) {
            sections.add(new CardSection(level, title, sectionProse.toString(), sectionBlocks));
        }
        return new ModelCard(true, Map.copyOf(frontMatter), malformed, body, prose.toString(), List.copyOf(blocks),
                List.copyOf(sections), placeholders);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Whether there was a README at all. */
    boolean present() {
        return present;
    }

    /** Present but saying nothing beyond its front matter. */
    boolean blank() {
        return substantiveWords() == 0 && codeBlocks.isEmpty();
    }

    boolean frontMatterMalformed() {
        return frontMatterMalformed;
    }

    /** The text after the front matter, HTML comments removed, code blocks kept. */
    String body() {
        return body;
    }

    /** The text outside code blocks and headings. */
    String prose() {
        return prose;
    }

    List<CodeBlock> codeBlocks() {
        return codeBlocks;
    }

    List<CardSection> sections() {
        return sections;
    }

    /** How many "More Information Needed" placeholders of the card template were left in. */
    int placeholders() {
        return placeholders;
    }

    /** Words of prose that are not template placeholders. */
    int substantiveWords() {
        Matcher m = WORD.matcher(PLACEHOLDER.matcher(prose).replaceAll(" "));
        int words = 0;
        while (m.find()) {
            words++;
        }
        return words;
    }

    Optional<Object> frontMatter(String key) {
        return Optional.ofNullable(frontMatter.get(key));
    }

    /** A front-matter value as text: a string, or the first string of a list. */
    Optional<String> frontMatterText(String key) {
        List<String> values = frontMatterList(key);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A front-matter value as a list of strings (a single string becomes a list of one); at most 32. */
    List<String> frontMatterList(String key) {
        Object value = frontMatter.get(key);
        List<String> out = new ArrayList<>();
        if (value instanceof String s && !s.isBlank()) {
            out.add(s.strip());
        } else if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (out.size() >= 32) {
                    break;
                }
                if (item instanceof String s && !s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** Sections whose title matches, case-insensitively. */
    List<CardSection> sectionsTitled(Pattern title) {
        return sections.stream().filter(s -> title.matcher(s.title()).find()).toList();
    }

    /** The prose of a section without placeholders and surrounding whitespace. */
    static String substance(String text) {
        return PLACEHOLDER.matcher(text).replaceAll("").strip();
    }
}
