package io.modelregistry.command.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the imports a pickle would perform, from its opcodes, without unpickling anything (the technique of
 * picklescan and ModelScan). Imports are {@code GLOBAL} and {@code INST} (module and name as text lines) and
 * {@code STACK_GLOBAL} (module and name taken from the stack). For the last, the stack is simulated in kind only:
 * each value is a short string (kept, so {@code SHORT_BINUNICODE "os"} / {@code MEMOIZE} / {@code BINGET} resolve)
 * or "something else"; an import whose name is not a known string is reported as unresolved, which the policy
 * treats as dangerous (a computed name is how a scanner would be evaded). {@code EXT1/2/4} name imports through
 * the copyreg registry and are reported as {@code copyreg.extension:N}.
 *
 * <p>Several pickles one after another are read in turn (PyTorch's legacy format writes five, then raw storage
 * bytes): after each {@code STOP}, another is read only if the next byte is {@code PROTO}. Every loop is bounded by
 * the {@link ScanBudget}; a malformed pickle ends the read with a problem, keeping the imports seen before it.
 */
final class PickleImports {

    /** Longest string kept for import resolution; longer ones are "something else" (no module name is that long). */
    private static final int MAX_KEPT_STRING = 256;
    /** Longest text line (GLOBAL, INST, protocol 0 arguments). */
    private static final int MAX_LINE = 4096;
    private static final int MAX_STACK = 1_000_000;
    private static final int MAX_MEMO_STRINGS = 200_000;
    private static final int MAX_PICKLES = 64;
    private static final Object OTHER = new Object();

    /** One import: {@code module} and {@code name}; {@code null} module when it could not be resolved. */
    record Import(String module, String name) {
        String qualified() {
            return module == null ? "<unresolved>" : module + "." + name;
        }
    }

    /**
     * @param notPickle the very first byte is no pickle opcode: a loader would fail before doing anything
     * @param problem   why reading stopped early (malformed, a bound), or null when every pickle ended in STOP
     */
    record Result(Set<Import> imports, boolean notPickle, String problem) {
    }

    private final Counting in;
    private final ScanBudget budget;
    private final Set<Import> imports = new LinkedHashSet<>();
    private long opcodes;

    private PickleImports(InputStream in, ScanBudget budget) {
        this.in = new Counting(in instanceof java.io.BufferedInputStream ? in
                : new java.io.BufferedInputStream(in, 64 * 1024), budget);
        this.budget = budget;
    }

    static Result read(InputStream in, ScanBudget budget) throws IOException {
        return new PickleImports(in, budget).readAll();
    }

    private Result readAll() throws IOException {
        try {
            int first = in.peek();
            if (first < 0 || !isOpcode(first)) {
                return new Result(Set.of(), true, first < 0 ? "the file is empty" : null);
            }
            for (int pickles = 0; ; pickles++) {
                if (pickles == MAX_PICKLES) {
                    return new Result(imports, false, "more than " + MAX_PICKLES + " pickles in one file");
                }
                readOne();
                if (in.peek() != 0x80) {
                    return new Result(imports, false, null);
                }
            }
        } catch (Malformed e) {
            return new Result(imports, false, "could not be parsed: " + e.getMessage() + " (at byte " + in.count
                    + ")");
        } catch (ScanBudget.Exhausted e) {
            return new Result(imports, false, e.getMessage() + " (at byte " + in.count + ")");
        }
    }

    private static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static boolean isOpcode(int b) {
        return (b >= 0x80 && b <= 0x98) || "(.012FIJKLMNPQRSTUVXabcdhijlopqrstu}e)]gGBC".indexOf(b) >= 0;
    }

    private void readOne() throws IOException, Malformed, ScanBudget.Exhausted {
        List<Object> stack = new ArrayList<>();
        List<Integer> marks = new ArrayList<>();
        Memo memo = new Memo();
        while (true) {
            if (++opcodes > budget.maxOpcodes()) {
                throw new ScanBudget.Exhausted("more than " + budget.maxOpcodes() + " opcodes");
            }
            if ((opcodes & 0x3FF) == 0) {
                budget.checkTime();
            }
            int op = in.read();
            if (op < 0) {
                throw new Malformed("the pickle ends before its STOP");
            }
            if (stack.size() > MAX_STACK) {
                throw new ScanBudget.Exhausted("the pickle's stack grew past " + MAX_STACK);
            }
            switch (op) {
                case '.' -> { // STOP
                    return;
                }
                case 0x80 -> in.skipExactly(1); // PROTO
                case 0x95 -> in.skipExactly(8); // FRAME
                case '(' -> marks.add(stack.size()); // MARK
                case '0' -> pop(stack, marks, 1); // POP
                case '1' -> popMark(stack, marks); // POP_MARK
                case '2' -> { // DUP
                    need(stack, marks, 1);
                    stack.add(stack.get(stack.size() - 1));
                }
                case 'N', 0x88, 0x89, ')', ']', '}', 0x8f -> stack.add(OTHER); // NONE, TRUE, FALSE, empties
                case 'K' -> push(stack, 1); // BININT1
                case 'M' -> push(stack, 2); // BININT2
                case 'J' -> push(stack, 4); // BININT
                case 'G' -> push(stack, 8); // BINFLOAT
                case 'I', 'L', 'F' -> { // INT, LONG, FLOAT (text)
                    in.readLine();
                    stack.add(OTHER);
                }
                case 0x8a -> pushBytes(stack, in.readUnsigned(1), false); // LONG1
                case 0x8b -> pushBytes(stack, in.readLength(4), false); // LONG4
                case 'S' -> stack.add(quoted(in.readLine())); // STRING
                case 'V' -> stack.add(keep(in.readLine())); // UNICODE (raw-unicode-escape; module names are ASCII)
                case 'U' -> pushBytes(stack, in.readUnsigned(1), true); // SHORT_BINSTRING
                case 'T' -> pushBytes(stack, in.readLength(4), true); // BINSTRING
                case 0x8c -> pushBytes(stack, in.readUnsigned(1), true); // SHORT_BINUNICODE
                case 'X' -> pushBytes(stack, in.readLength(4), true); // BINUNICODE
                case 0x8d -> pushBytes(stack, in.readLength(8), true); // BINUNICODE8
                case 'C' -> pushBytes(stack, in.readUnsigned(1), false); // SHORT_BINBYTES
                case 'B' -> pushBytes(stack, in.readLength(4), false); // BINBYTES
                case 0x8e, 0x96 -> pushBytes(stack, in.readLength(8), false); // BINBYTES8, BYTEARRAY8
                case 0x97 -> stack.add(OTHER); // NEXT_BUFFER
                case 0x98 -> need(stack, marks, 1); // READONLY_BUFFER
                case 'P' -> { // PERSID
                    in.readLine();
                    stack.add(OTHER);
                }
                case 'Q' -> replaceTop(stack, marks, 1); // BINPERSID
                case 'c' -> { // GLOBAL
                    imports.add(new Import(in.readLine(), in.readLine()));
                    stack.add(OTHER);
                }
                case 'i' -> { // INST: an import, then a call with the marked arguments
                    imports.add(new Import(in.readLine(), in.readLine()));
                    popMark(stack, marks);
                    stack.add(OTHER);
                }
                case 0x93 -> { // STACK_GLOBAL
                    need(stack, marks, 2);
                    Object name = stack.remove(stack.size() - 1);
                    Object module = stack.remove(stack.size() - 1);
                    imports.add(module instanceof String m && name instanceof String n ? new Import(m, n)
                            : new Import(null, null));
                    stack.add(OTHER);
                }
                case 0x82 -> extension(stack, in.readUnsigned(1)); // EXT1
                case 0x83 -> extension(stack, in.readUnsigned(2)); // EXT2
                case 0x84 -> extension(stack, in.readLength(4)); // EXT4
                case 'R', 0x81 -> replaceTop(stack, marks, 2); // REDUCE, NEWOBJ
                case 0x92 -> replaceTop(stack, marks, 3); // NEWOBJ_EX
                case 'b', 'a' -> pop(stack, marks, 1); // BUILD, APPEND
                case 's' -> pop(stack, marks, 2); // SETITEM
                case 'e', 'u', 0x90 -> { // APPENDS, SETITEMS, ADDITEMS
                    popMark(stack, marks);
                    need(stack, marks, 1);
                }
                case 't', 'l', 'd', 0x91 -> { // TUPLE, LIST, DICT, FROZENSET
                    popMark(stack, marks);
                    stack.add(OTHER);
                }
                case 'o' -> { // OBJ: class and arguments since the mark
                    if (marks.isEmpty() || stack.size() == marks.get(marks.size() - 1)) {
                        throw new Malformed("OBJ without a class");
                    }
                    popMark(stack, marks);
                    stack.add(OTHER);
                }
                case 0x85 -> replaceTop(stack, marks, 1); // TUPLE1
                case 0x86 -> replaceTop(stack, marks, 2); // TUPLE2
                case 0x87 -> replaceTop(stack, marks, 3); // TUPLE3
                case 'p' -> memo.put(top(stack, marks), parseIndex(in.readLine())); // PUT
                case 'q' -> memo.put(top(stack, marks), in.readUnsigned(1)); // BINPUT
                case 'r' -> memo.put(top(stack, marks), in.readUnsigned(4)); // LONG_BINPUT
                case 0x94 -> memo.put(top(stack, marks), memo.size()); // MEMOIZE: the next index is the memo's size
                case 'g' -> stack.add(memo.get(parseIndex(in.readLine()))); // GET
                case 'h' -> stack.add(memo.get(in.readUnsigned(1))); // BINGET
                case 'j' -> stack.add(memo.get(in.readUnsigned(4))); // LONG_BINGET
                default -> throw new Malformed(String.format("unknown opcode 0x%02x", op));
            }
        }
    }

    private void extension(List<Object> stack, long code) {
        imports.add(new Import("copyreg.extension", Long.toString(code)));
        stack.add(OTHER);
    }

    private void push(List<Object> stack, int argBytes) throws IOException, Malformed, ScanBudget.Exhausted {
        in.skipExactly(argBytes);
        stack.add(OTHER);
    }

    private void pushBytes(List<Object> stack, long length, boolean text)
            throws IOException, Malformed, ScanBudget.Exhausted {
        if (text && length <= MAX_KEPT_STRING) {
            stack.add(new String(in.readExactly((int) length), StandardCharsets.UTF_8));
        } else {
            in.skipExactly(length);
            stack.add(OTHER);
        }
    }

    private static Object keep(String text) {
        return text.length() <= MAX_KEPT_STRING ? text : OTHER;
    }

    private static Object quoted(String line) throws Malformed {
        if (line.length() >= 2 && (line.charAt(0) == '\'' || line.charAt(0) == '"')
                && line.charAt(line.length() - 1) == line.charAt(0)) {
            return keep(line.substring(1, line.length() - 1));
        }
        throw new Malformed("a STRING argument is not quoted");
    }

    private static long parseIndex(String line) throws Malformed {
        try {
            return Long.parseLong(line.strip());
        } catch (NumberFormatException e) {
            throw new Malformed("a memo index is not a number");
        }
    }

    private static Object top(List<Object> stack, List<Integer> marks) throws Malformed {
        need(stack, marks, 1);
        return stack.get(stack.size() - 1);
    }

    /**
     * The unpickler's memo in kind: which indices are taken (the next {@code MEMOIZE} index is their count, as in
     * CPython's {@code len(memo)}) and the strings among their values. Real picklers write indices 0, 1, 2, ...,
     * kept as one counter; other indices are kept one by one, bounded.
     */
    private static final class Memo {
        private final Map<Long, String> strings = new HashMap<>();
        private final Set<Long> sparse = new java.util.HashSet<>();
        private long dense;

        long size() {
            return dense + sparse.size();
        }

        void put(Object value, long index) throws ScanBudget.Exhausted {
            if (index >= dense && index != dense && !sparse.contains(index)) {
                if (sparse.size() >= MAX_MEMO_STRINGS) {
                    throw new ScanBudget.Exhausted("more than " + MAX_MEMO_STRINGS + " scattered memo indices");
                }
                sparse.add(index);
            } else if (index == dense) {
                dense++;
                while (sparse.remove(dense)) {
                    dense++;
                }
            }
            if (value instanceof String text) {
                if (strings.size() >= MAX_MEMO_STRINGS && !strings.containsKey(index)) {
                    throw new ScanBudget.Exhausted("more than " + MAX_MEMO_STRINGS + " memoised strings");
                }
                strings.put(index, text);
            } else {
                strings.remove(index);
            }
        }

        Object get(long index) {
            String text = strings.get(index);
            return text == null ? OTHER : text;
        }
    }

    private static void need(List<Object> stack, List<Integer> marks, int n) throws Malformed {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() - floor < n) {
            throw new Malformed("the stack holds fewer values than an opcode takes");
        }
    }

    private static void pop(List<Object> stack, List<Integer> marks, int n) throws Malformed {
        need(stack, marks, n);
        for (int i = 0; i < n; i++) {
            stack.remove(stack.size() - 1);
        }
    }

    private static void replaceTop(List<Object> stack, List<Integer> marks, int n) throws Malformed {
        pop(stack, marks, n);
        stack.add(OTHER);
    }

    /** Drops everything above the last mark, and the mark; returns where the mark was. */
    private static int popMark(List<Object> stack, List<Integer> marks) throws Malformed {
        if (marks.isEmpty()) {
            throw new Malformed("an opcode needs a MARK and there is none");
        }
        int mark = marks.remove(marks.size() - 1);
        stack.subList(mark, stack.size()).clear();
        return mark;
    }

    /** The input, counted against the byte bound; reads small arguments, skips large ones. */
    private static final class Counting {
        private final InputStream in;
        private final ScanBudget budget;
        private long count;
        private int peeked = -2;

        Counting(InputStream in, ScanBudget budget) {
            this.in = in;
            this.budget = budget;
        }

        int peek() throws IOException {
            if (peeked == -2) {
                peeked = in.read();
            }
            return peeked;
        }

        int read() throws IOException, ScanBudget.Exhausted {
            int b;
            if (peeked != -2) {
                b = peeked;
                peeked = -2;
            } else {
                b = in.read();
            }
            if (b >= 0 && ++count > budget.maxBytes()) {
                throw new ScanBudget.Exhausted("the file is larger than the " + budget.maxBytes()
                        + " bytes a scan reads");
            }
            return b;
        }

        long readUnsigned(int bytes) throws IOException, Malformed, ScanBudget.Exhausted {
            long value = 0;
            for (int i = 0; i < bytes; i++) {
                int b = read();
                if (b < 0) {
                    throw new Malformed("the pickle ends inside an argument");
                }
                value |= (long) b << (8 * i);
            }
            return value;
        }

        long readLength(int bytes) throws IOException, Malformed, ScanBudget.Exhausted {
            long length = readUnsigned(bytes);
            if (length < 0) {
                throw new Malformed("a length is negative");
            }
            return length;
        }

        byte[] readExactly(int n) throws IOException, Malformed, ScanBudget.Exhausted {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                int b = read();
                if (b < 0) {
                    throw new Malformed("the pickle ends inside an argument");
                }
                out[i] = (byte) b;
            }
            return out;
        }

        void skipExactly(long n) throws IOException, Malformed, ScanBudget.Exhausted {
            if (n <= 0) {
                return;
            }
            if (count + n > budget.maxBytes()) {
                throw new ScanBudget.Exhausted("the file is larger than the " + budget.maxBytes()
                        + " bytes a scan reads");
            }
            long left = n;
            if (peeked != -2) {
                if (peeked < 0) {
                    throw new Malformed("the pickle ends inside an argument");
                }
                peeked = -2;
                left--;
            }
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new Malformed("the pickle ends inside an argument");
                    }
                    skipped = 1;
                }
                left -= skipped;
                if ((left & 0xFFFFF) == 0) {
                    budget.checkTime();
                }
            }
            count += n;
        }

        String readLine() throws IOException, Malformed, ScanBudget.Exhausted {
            StringBuilder line = new StringBuilder();
            while (true) {
                int b = read();
                if (b < 0) {
                    throw new Malformed("the pickle ends inside a text line");
                }
                if (b == '\n') {
                    return line.toString();
                }
                if (line.length() >= MAX_LINE) {
                    throw new Malformed("a text line is longer than " + MAX_LINE + " bytes");
                }
                line.append((char) b);
            }
        }
    }
}
