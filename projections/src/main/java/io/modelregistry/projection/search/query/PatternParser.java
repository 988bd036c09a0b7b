package io.modelregistry.projection.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads RE2 syntax (as RE2/J accepts it) far enough to learn {@link PatternFacts}: which literals a match must
 * contain, how big the compiled program gets, and a cheaper equivalent for {@code find()}. It runs before RE2/J
 * compiles the pattern, because RE2/J 1.8 expands nested counted repetitions without limit (compiling
 * {@code ((a{1000}){1000}){1000}} exhausts the heap).
 *
 * <p>The literal analysis is conservative: anything that could widen what a literal matches (a case-insensitive
 * flag) drops the whole requirement, and anything not understood as a literal (classes, {@code .}, escapes
 * other than plain characters) counts as "any character". Small classes such as {@code [Bb]} become
 * alternatives. Optional parts ({@code ?}, {@code *}, {@code {0,n}}) require nothing except for {@code x?} of a
 * small literal set; {@code +} and {@code {n,m}} with {@code n >= 1} keep what their operand requires.
 *
 * <p>Loops are bounded by the pattern's length; callers bound that length.
 */
final class PatternParser {

    /** Largest set of alternative literals tracked exactly before falling back to "contains any of". */
    static final int MAX_EXACT = 16;
    /** Largest character class that is expanded into alternative literals. */
    static final int MAX_CLASS_EXPANSION = 8;
    private static final int MAX_REPEAT = 1000;
    private static final int MAX_NESTING = 500;

    private final String p;
    private final int len;
    private int pos;
    private int nesting;
    private boolean caseInsensitive;
    // top-level pieces, to strip a leading or trailing ".*" for find()
    private Piece firstTopLevel;
    private Piece lastTopLevel;

    private PatternParser(String pattern) {
        this.p = pattern;
        this.len = pattern.length();
    }

    /** @throws MalformedPatternException when the pattern is not valid RE2 syntax as far as this parser knows */
    static PatternFacts parse(String pattern) {
        return new PatternParser(pattern).parseAll();
    }

    static final class MalformedPatternException extends RuntimeException {
        MalformedPatternException(String message) {
            super(message, null, false, false);
        }
    }

    private PatternFacts parseAll() {
        Node root = parseAlternation(true);
        if (pos < len) {
            throw malformed("unexpected )");
        }
        Requirement required = caseInsensitive ? Requirement.any() : root.requirement();
        return new PatternFacts(required, findEquivalent(), root.size(), root.repeatCopies());
    }

    private String findEquivalent() {
        // only a ".*" that is literally the first or last thing in the pattern, so no flag group is dropped
        int start = firstTopLevel != null && firstTopLevel.dotStar() && firstTopLevel.start() == 0
                ? firstTopLevel.end() : 0;
        int end = lastTopLevel != null && lastTopLevel.dotStar() && lastTopLevel.end() == len
                && lastTopLevel != firstTopLevel ? lastTopLevel.start() : len;
        return p.substring(start, end);
    }

    // ---- grammar -------------------------------------------------------------------------------------------

    private Node parseAlternation(boolean topLevel) {
        Node result = parseConcatenation(topLevel, true);
        while (pos < len && p.charAt(pos) == '|') {
            pos++;
            result = alternate(result, parseConcatenation(topLevel, false));
        }
        return result;
    }

    private Node parseConcatenation(boolean topLevel, boolean firstBranch) {
        Concatenation concatenation = new Concatenation();
        Piece first = null;
        Piece pending = null;   // the last piece stays open: RE2/J may still apply a repetition to it
        while (pos < len && p.charAt(pos) != '|' && p.charAt(pos) != ')') {
            if (skipAtomless()) {
                if (pos < len && isRepetitionAt(pos)) {
                    if (pending == null) {
                        throw malformed("missing argument to repetition operator");
                    }
                    pending = repeatPiece(pending);   // e.g. "ab(?s)*" repeats the b
                }
                continue;
            }
            if (pending != null) {
                concatenation.add(pending.node());
            }
            pending = p.startsWith("\\Q", pos) ? parseQuoted(concatenation) : repeatPiece(parseAtomPiece());
            if (first == null) {
                first = pending;
            }
        }
        if (pending != null) {
            concatenation.add(pending.node());
        }
        if (topLevel) {
            if (firstBranch) {
                firstTopLevel = first;
            }
            lastTopLevel = pending;
        }
        return concatenation.build();
    }

    /** Skips a flag group {@code (?flags)} or an empty quote; both match nothing and are no atom. */
    private boolean skipAtomless() {
        if (p.startsWith("\\Q\\E", pos)) {
            pos += 4;
            return true;
        }
        if (p.startsWith("\\Q", pos) && pos + 2 == len) {
            pos = len;
            return true;
        }
        if (!p.startsWith("(?", pos)) {
            return false;
        }
        int i = pos + 2;
        boolean mentionsI = false;
        while (i < len && "imsU-".indexOf(p.charAt(i)) >= 0) {
            mentionsI |= p.charAt(i) == 'i';
            i++;
        }
        if (i >= len || p.charAt(i) != ')') {
            return false;   // a group: (?:...), (?flags:...), (?P<name>...)
        }
        // any mention of 'i' may make literals match other cases: drop the literal requirement
        caseInsensitive |= mentionsI;
        pos = i + 1;
        return true;
    }

    /**
     * {@code \Q...\E}: every character is a literal, and a repetition after it applies to the last one only, so
     * all but the last character go straight into the sequence.
     */
    private Piece parseQuoted(Concatenation concatenation) {
        int end = p.indexOf("\\E", pos + 2);
        String quoted = end < 0 ? p.substring(pos + 2) : p.substring(pos + 2, end);
        int start = pos;
        pos = end < 0 ? len : end + 2;
        int lastStart = quoted.offsetByCodePoints(quoted.length(), -1);
        for (int i = 0; i < lastStart; ) {
            int cp = quoted.codePointAt(i);
            concatenation.add(Node.literal(Character.toString(cp)));
            i += Character.charCount(cp);
        }
        Piece last = new Piece(Node.literal(quoted.substring(lastStart)), start, pos, false, false);
        return repeatPiece(last);
    }

    private Piece parseAtomPiece() {
        int start = pos;
        boolean dot = p.charAt(pos) == '.';
        Node atom = parseAtom();
        return new Piece(atom, start, pos, dot, false);
    }

    /** Applies the repetition operators at pos, if any, to a piece. */
    private Piece repeatPiece(Piece piece) {
        Node node = piece.node();
        boolean dotStar = piece.dotStar();
        boolean first = true;
        while (pos < len) {
            char c = p.charAt(pos);
            int operatorAt = pos;
            int[] braces;
            if (c == '*' || c == '+' || c == '?') {
                pos++;
                node = repeat(node, c == '+' ? 1 : 0, c == '?' ? 1 : -1);
            } else if (c == '{' && (braces = repeatBraces()) != null) {
                node = repeat(node, braces[0], braces[1]);
            } else {
                break;
            }
            dotStar = first && piece.dot() && c == '*' && operatorAt == piece.end();
            first = false;
            if (pos < len && p.charAt(pos) == '?') {
                pos++;   // non-greedy: the same texts match
            }
        }
        return new Piece(node, piece.start(), pos, piece.dot(), dotStar);
    }

    private boolean isRepetitionAt(int at) {
        char c = p.charAt(at);
        return c == '*' || c == '+' || c == '?' || (c == '{' && repeatBracesAt(at) != null);
    }

    private Node parseAtom() {
        char c = p.charAt(pos);
        switch (c) {
            case '(':
                return parseGroup();
            case '[':
                return parseClass();
            case '.':
                pos++;
                return Node.anyChar();
            case '^':
            case '$':
                pos++;
                return Node.empty();
            case '\\':
                return parseEscape();
            case '*':
            case '+':
            case '?':
                throw malformed("missing argument to repetition operator");
            case '{':
                if (repeatBracesAt(pos) != null) {
                    throw malformed("missing argument to repetition operator");
                }
                pos++;
                return Node.literal("{");   // RE2: a '{' that does not start a repetition is literal
            default:
                int cp = p.codePointAt(pos);
                pos += Character.charCount(cp);
                return Node.literal(Character.toString(cp));
        }
    }

    private Node parseGroup() {
        if (++nesting > MAX_NESTING) {
            throw malformed("expression nests too deeply");
        }
        pos++;   // '('
        if (pos < len && p.charAt(pos) == '?') {
            pos++;
            if (p.startsWith("P<", pos) || p.startsWith("<", pos)) {
                int close = p.indexOf('>', pos);
                if (close < 0) {
                    throw malformed("invalid named capture");
                }
                pos = close + 1;
            } else {
                while (pos < len && p.charAt(pos) != ')' && p.charAt(pos) != ':') {
                    char flag = p.charAt(pos);
                    if ("imsU-".indexOf(flag) < 0) {
                        throw malformed("invalid or unsupported Perl syntax");
                    }
                    // any mention of 'i' may make literals match other cases: drop the literal requirement
                    caseInsensitive |= flag == 'i';
                    pos++;
                }
                if (pos >= len) {
                    throw malformed("missing closing )");
                }
                if (p.charAt(pos++) == ')') {
                    nesting--;
                    return Node.empty();   // not reached: skipAtomless takes (?flags)
                }
            }
        }
        Node inner = parseAlternation(false);
        if (pos >= len || p.charAt(pos) != ')') {
            throw malformed("missing closing )");
        }
        pos++;
        nesting--;
        return inner;
    }

    private Node parseClass() {
        pos++;   // '['
        boolean negated = pos < len && p.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        Set<String> members = new LinkedHashSet<>();
        boolean enumerable = !negated;
        boolean first = true;   // ']' right after '[' or '[^' is a literal
        while (true) {
            if (pos >= len) {
                throw malformed("missing closing ]");
            }
            if (p.charAt(pos) == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            if (p.startsWith("[:", pos)) {
                int close = p.indexOf(":]", pos + 2);
                if (close >= 0) {
                    pos = close + 2;   // a POSIX class such as [:alpha:]
                    enumerable = false;
                    continue;
                }
            }
            int lo = classChar();
            if (lo < 0) {
                enumerable = false;   // \d, \pL, ... inside the class
                continue;
            }
            int hi = lo;
            if (pos + 1 < len && p.charAt(pos) == '-' && p.charAt(pos + 1) != ']') {
                pos++;
                hi = classChar();
                if (hi < lo) {
                    throw malformed("invalid character class range");
                }
            }
            if (enumerable && (long) hi - lo + 1 + members.size() <= MAX_CLASS_EXPANSION) {
                for (int cp = lo; cp <= hi; cp++) {
                    members.add(Character.toString(cp));
                }
            } else {
                enumerable = false;
            }
        }
        return enumerable && !members.isEmpty() ? Node.exact(members, 1) : Node.anyChar();
    }

    /** One character inside a class: its code point, or -1 for a class escape such as {@code \d}. */
    private int classChar() {
        if (pos >= len) {
            throw malformed("missing closing ]");
        }
        if (p.charAt(pos) != '\\') {
            int cp = p.codePointAt(pos);
            pos += Character.charCount(cp);
            return cp;
        }
        pos++;
        if (pos >= len) {
            throw malformed("trailing \\");
        }
        char e = p.charAt(pos);
        if ("dDsSwW".indexOf(e) >= 0) {
            pos++;
            return -1;
        }
        if (e == 'p' || e == 'P') {
            skipUnicodeClass();
            return -1;
        }
        return escapedCodePoint();
    }

    private Node parseEscape() {
        pos++;   // '\'
        if (pos >= len) {
            throw malformed("trailing \\");
        }
        char e = p.charAt(pos);
        if ("dDsSwWC".indexOf(e) >= 0) {
            pos++;
            return Node.anyChar();
        }
        if (e == 'p' || e == 'P') {
            skipUnicodeClass();
            return Node.anyChar();
        }
        if ("bBAz".indexOf(e) >= 0) {
            pos++;
            return Node.empty();   // assertions match no characters
        }
        return Node.literal(Character.toString(escapedCodePoint()));
    }

    /** At the character after a backslash: punctuation, a control escape, hex or octal. */
    private int escapedCodePoint() {
        char e = p.charAt(pos++);
        if (e < 0x80 && !Character.isLetterOrDigit(e)) {
            return e;   // an escaped punctuation character is itself
        }
        switch (e) {
            case 'a':
                return 0x07;
            case 'f':
                return '\f';
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'v':
                return 0x0B;
            case 'x':
                return hexEscape();
            default:
                if (e >= '0' && e <= '7') {
                    return octalEscape(e);
                }
                throw malformed("invalid escape sequence");
        }
    }

    private int hexEscape() {
        int start;
        int end;
        if (pos < len && p.charAt(pos) == '{') {
            start = pos + 1;
            end = p.indexOf('}', start);
            if (end < 0 || end == start || end - start > 8) {
                throw malformed("invalid escape sequence");
            }
            pos = end + 1;
        } else {
            start = pos;
            end = pos + 2;
            if (end > len) {
                throw malformed("invalid escape sequence");
            }
            pos = end;
        }
        int value;
        try {
            value = Integer.parseInt(p.substring(start, end), 16);
        } catch (NumberFormatException notHex) {
            throw malformed("invalid escape sequence");
        }
        if (value < 0 || value > Character.MAX_CODE_POINT) {
            throw malformed("invalid escape sequence");
        }
        return value;
    }

    private int octalEscape(char firstDigit) {
        // RE2: \1-\7 alone would be a backreference (unsupported); \0 or a digit followed by more digits is octal
        if (firstDigit != '0' && (pos >= len || p.charAt(pos) < '0' || p.charAt(pos) > '7')) {
            throw malformed("invalid escape sequence");
        }
        int value = firstDigit - '0';
        for (int i = 1; i < 3 && pos < len && p.charAt(pos) >= '0' && p.charAt(pos) <= '7'; i++) {
            value = value * 8 + p.charAt(pos++) - '0';
        }
        return value;
    }

    private void skipUnicodeClass() {
        pos++;   // 'p' or 'P'
        if (pos >= len) {
            throw malformed("invalid character class range");
        }
        if (p.charAt(pos) == '{') {
            int close = p.indexOf('}', pos);
            if (close < 0) {
                throw malformed("invalid character class range");
            }
            pos = close + 1;
        } else {
            pos += Character.charCount(p.codePointAt(pos));
        }
    }

    /** Consumes {@code {n}}, {@code {n,}} or {@code {n,m}} at pos; null (nothing consumed) if it is not one. */
    private int[] repeatBraces() {
        int[] parsed = repeatBracesAt(pos);
        if (parsed != null) {
            pos = parsed[2];
        }
        return parsed;
    }

    /** {min, max (-1 = unbounded), position after '}'}, or null when RE2 reads '{' as a literal. */
    private int[] repeatBracesAt(int at) {
        int i = at + 1;
        int digits = i;
        while (i < len && Character.isDigit(p.charAt(i)) && p.charAt(i) < 0x80) {
            i++;
        }
        if (i == digits) {
            return null;
        }
        long min = number(digits, i);
        long max = min;
        if (i < len && p.charAt(i) == ',') {
            i++;
            int maxDigits = i;
            while (i < len && Character.isDigit(p.charAt(i)) && p.charAt(i) < 0x80) {
                i++;
            }
            max = i == maxDigits ? -1 : number(maxDigits, i);
        }
        if (i >= len || p.charAt(i) != '}') {
            return null;
        }
        if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
            throw malformed("invalid repeat count");
        }
        return new int[] {(int) min, (int) max, i + 1};
    }

    private long number(int from, int to) {
        // more than 4 digits is beyond any allowed count; avoid parsing unbounded input
        return to - from > 4 ? Long.MAX_VALUE : Long.parseLong(p.substring(from, to));
    }

    private MalformedPatternException malformed(String message) {
        return new MalformedPatternException(message + " at offset " + pos);
    }

    // ---- facts about sub-expressions ----------------------------------------------------------------------

    private static Node alternate(Node a, Node b) {
        long size = saturatedAdd(saturatedAdd(a.size(), b.size()), 1);
        long copies = Math.max(a.repeatCopies(), b.repeatCopies());
        if (a.exact() != null && b.exact() != null) {
            Set<String> union = new LinkedHashSet<>(a.exact());
            union.addAll(b.exact());
            if (union.size() <= MAX_EXACT) {
                return new Node(union, Requirement.any(), size, copies);
            }
        }
        Requirement either = Requirement.anyOf(List.of(a.requirement(), b.requirement()));
        return new Node(null, either, size, copies);
    }

    /** {@code max < 0} means unbounded. */
    private static Node repeat(Node atom, int min, int max) {
        long copies = max < 0 ? Math.max(min, 1) : Math.max(max, 1);
        long size = saturatedAdd(saturatedMultiply(atom.size(), max < 0 ? min + 1L : copies), 1);
        long nestedCopies = saturatedMultiply(atom.repeatCopies(), copies);
        if (min >= 1) {
            return new Node(null, atom.requirement(), size, nestedCopies);
        }
        if (max == 1 && atom.exact() != null && atom.exact().size() < MAX_EXACT) {
            Set<String> optional = new LinkedHashSet<>(atom.exact());
            optional.add("");
            return new Node(optional, Requirement.any(), size, nestedCopies);
        }
        return new Node(null, Requirement.any(), size, nestedCopies);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /**
     * @param exact       when not null, the sub-expression matches exactly one of these strings
     * @param required    what a match contains when {@code exact} is null
     */
    private record Node(Set<String> exact, Requirement required, long size, long repeatCopies) {

        static Node literal(String text) {
            return exact(Set.of(text), text.length());
        }

        static Node exact(Set<String> strings, long size) {
            return new Node(strings, Requirement.any(), size, 1);
        }

        static Node anyChar() {
            return new Node(null, Requirement.any(), 1, 1);
        }

        static Node empty() {
            return exact(Set.of(""), 1);
        }

        Requirement requirement() {
            return exact != null ? Requirement.anyLiteral(exact) : required;
        }
    }

    /** An atom with its repetitions; {@code dot} when the atom is a bare {@code .}. */
    private record Piece(Node node, int start, int end, boolean dot, boolean dotStar) {
    }

    /**
     * Folds a sequence: adjacent exact parts multiply into longer literals (so {@code colou?r} yields "color"
     * or "colour") while the product stays small; anything else ends the current run of literals.
     */
    private static final class Concatenation {
        private final List<Requirement> conjuncts = new ArrayList<>();
        private Set<String> run = Set.of("");
        private long size;
        private long copies = 1;

        void add(Node node) {
            size = saturatedAdd(size, node.size());
            copies = Math.max(copies, node.repeatCopies());
            if (node.exact() == null) {
                flush();
                conjuncts.add(node.required());
            } else if (run != null && (long) run.size() * node.exact().size() <= MAX_EXACT) {
                Set<String> product = new LinkedHashSet<>();
                for (String prefix : run) {
                    for (String suffix : node.exact()) {
                        product.add(prefix + suffix);
                    }
                }
                run = product;
            } else {
                flush();
                run = node.exact();
            }
        }

        private void flush() {
            if (run != null) {
                conjuncts.add(Requirement.anyLiteral(run));
                run = null;
            }
        }

        Node build() {
            if (conjuncts.isEmpty()) {
                return new Node(run, Requirement.any(), Math.max(size, 1), copies);
            }
            flush();
            return new Node(null, Requirement.allOf(conjuncts), size, copies);
        }
    }
}
