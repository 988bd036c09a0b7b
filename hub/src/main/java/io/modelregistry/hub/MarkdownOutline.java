package io.modelregistry.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The block structure of a card's Markdown that the registry reads, as CommonMark defines it (commonmark-java):
 * its fenced code blocks and its headings, each with the lines it spans, in document order. Everything else
 * is prose, which callers keep as the card's own lines (so tables, links and emphasis stay as written).
 *
 * <p>Only fenced code and headings are parsed as blocks: indented text is prose (cards indent prose far more
 * often than they indent code), and lists and quotes are not opened, so a fence counts where CommonMark puts
 * one at the top level. Input beyond {@value #MAX_LINES} lines is not looked at.
 */
public final class MarkdownOutline {

    public static final int MAX_LINES = 150_000;

    /** A fenced code block: the lines from its opening fence to its closing one (or the end), and its content. */
    public record Fence(int firstLine, int lastLine, String language, String code) {
    }

    /** An ATX ({@code ## Title}) or setext (underlined) heading: its lines, level and title as written. */
    public record Section(int firstLine, int lastLine, int level, String title) {
    }

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(FencedCodeBlock.class, Heading.class))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?\\s*#*\\s*$");

    private final List<Fence> fences;
    private final List<Section> headings;

    private MarkdownOutline(List<Fence> fences, List<Section> headings) {
        this.fences = List.copyOf(fences);
        this.headings = List.copyOf(headings);
    }

    /** @param lines the document's lines, without line ends */
    public static MarkdownOutline of(List<String> lines) {
        List<String> read = lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
        Node document = PARSER.parse(String.join("\n", read));
        List<Fence> fences = new ArrayList<>();
        List<Section> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                int[] span = span(block);
                String info = block.getInfo() == null ? "" : block.getInfo().strip();
                String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                fences.add(new Fence(span[0], span[1], language, block.getLiteral() == null ? "" : block.getLiteral()));
            }

            @Override
            public void visit(Heading heading) {
                int[] span = span(heading);
                headings.add(new Section(span[0], span[1], heading.getLevel(), title(read, span)));
            }
        });
        return new MarkdownOutline(fences, headings);
    }

    public List<Fence> fences() {
        return fences;
    }

    public List<Section> headings() {
        return headings;
    }

    private static int[] span(Node block) {
        List<SourceSpan> spans = block.getSourceSpans();
        if (spans.isEmpty()) {
            return new int[] {0, 0};
        }
        return new int[] {spans.get(0).getLineIndex(), spans.get(spans.size() - 1).getLineIndex()};
    }

    /** ATX: the text between the opening and closing hashes; setext: the text lines above the underline. */
    private static String title(List<String> lines, int[] span) {
        if (span[0] == span[1]) {
            Matcher atx = ATX.matcher(lines.get(span[0]));
            return atx.matches() && atx.group(1) != null ? atx.group(1) : "";
        }
        List<String> text = new ArrayList<>();
        for (int i = span[0]; i < span[1]; i++) {
            text.add(lines.get(i).strip());
        }
        return String.join(" ", text);
    }
}
