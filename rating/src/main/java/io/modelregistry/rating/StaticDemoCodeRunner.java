package io.modelregistry.rating;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default {@link DemoCodeRunner}: it never executes anything. For each demo block it
 * <ol>
 *   <li>repairs what a runner would fix mechanically, noting each repair: doctest prompts ({@code >>>},
 *       {@code ...}) stripped and the printed output lines after them dropped; shell and notebook lines
 *       ({@code !pip}, {@code %magic}, {@code $ cmd}, {@code pip install}) dropped; a block indented as a whole
 *       dedented; a GPU device ({@code .cuda()}, {@code "cuda"}, {@code device=0}) replaced by the CPU; a model
 *       id in {@code from_pretrained(...)}, {@code model=...}, {@code repo_id=...}, {@code SentenceTransformer(...)}
 *       or {@code hf_hub_download(...)} that is not this model's (repo id, name without org, or registered name)
 *       replaced by it;</li>
 *   <li>fails the block for what it cannot repair: placeholders ({@code <your-token>}, {@code YOUR_API_KEY},
 *       {@code <MODEL_ID>}, {@code path/to/}, {@code hf_xxx}, "More Information Needed", a statement or argument
 *       that is just {@code ...}, {@code TODO}); an import of a module that the environment of the model's
 *       library does not provide ({@link PythonModules}) or a relative import; unbalanced brackets or an
 *       unterminated string.</li>
 * </ol>
 * A block with no failure and no repair "runs unchanged"; with repairs only, it "runs after repair". The best
 * block decides. It cannot see runtime errors (a wrong argument, a missing file, network access to other
 * repositories), so it is optimistic about code that looks right.
 */
final class StaticDemoCodeRunner implements DemoCodeRunner {

    static final int MAX_BLOCK_CHARS = 32 * 1024;
    static final int MAX_BLOCKS = 8;

    private static final List<Pattern> PLACEHOLDERS = List.of(
            Pattern.compile("(?i)<\\s*your[^>\\n]{0,40}>|\\bhf_x{3,}|more information needed|path/to/"
                    + "|[\"'][^\"'\\n]*\\byour[-_ ](token|api[-_ ]?key|hf[-_ ]token|username|image|file|path|model|dataset)\\b"),
            Pattern.compile("\\bYOUR_[A-Z0-9_]+\\b|<[A-Z][A-Z0-9_ -]{2,40}>|\\bTODO\\b|\\bXXXX+\\b"));
    private static final Pattern ELLIPSIS = Pattern.compile("(?m)^\\s*(\\.\\.\\.|…)\\s*$|\\(\\s*(\\.\\.\\.|…)\\s*\\)|=\\s*(\\.\\.\\.|…)\\s*$");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([A-Za-z_][\\w.]*(?:\\s+as\\s+\\w+)?"
            + "(?:\\s*,\\s*[A-Za-z_][\\w.]*(?:\\s+as\\s+\\w+)?)*)");
    private static final Pattern FROM_IMPORT = Pattern.compile("(?m)^\\s*from\\s+(\\.*[\\w.]*)\\s+import\\b");
    private static final Pattern MODEL_REF = Pattern.compile("(?:from_pretrained\\(\\s*|SentenceTransformer\\(\\s*"
            + "|hf_hub_download\\(\\s*|snapshot_download\\(\\s*|\\bmodel\\s*=\\s*|\\brepo_id\\s*=\\s*)[\"']([^\"'\\n]{1,200})[\"']");
    private static final Pattern GPU = Pattern.compile("\\.cuda\\(\\)|[\"']cuda(:\\d+)?[\"']|\\bdevice\\s*=\\s*0\\b");
    private static final Pattern SHELL = Pattern.compile("^\\s*(!|%|\\$ |pip3? install|conda install|python -m pip)");

    @Override
    public Verdict run(Request request) {
        Verdict best = null;
        for (String block : request.blocks().stream().limit(MAX_BLOCKS).toList()) {
            Verdict verdict = check(block.length() > MAX_BLOCK_CHARS ? block.substring(0, MAX_BLOCK_CHARS) : block,
                    request);
            if (best == null || rank(verdict) > rank(best)) {
                best = verdict;
            }
        }
        return best == null ? new Verdict(Outcome.FAILS, "no demonstration code") : best;
    }

    private static int rank(Verdict verdict) {
        return switch (verdict.outcome()) {
            case RUNS -> 2;
            case RUNS_AFTER_REPAIR -> 1;
            case FAILS -> 0;
        };
    }

    Verdict check(String code, Request request) {
        Set<String> repairs = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>(List.of(code.split("\n", -1)));
        if (lines.stream().anyMatch(l -> l.stripLeading().startsWith(">>>"))) {
            List<String> program = new ArrayList<>();
            for (String line : lines) {
                String s = line.stripLeading();
                if (s.startsWith(">>> ") || s.equals(">>>")) {
                    program.add(s.length() > 4 ? s.substring(4) : "");
                } else if (s.startsWith("... ") || s.equals("...")) {
                    program.add(s.length() > 4 ? s.substring(4) : "");
                }
            }
            lines = program;
            repairs.add("doctest prompts and printed output removed");
        }
        if (lines.removeIf(l -> SHELL.matcher(l).find())) {
            repairs.add("shell/notebook lines removed");
        }
        String program = dedent(lines, repairs);
        for (Pattern pattern : PLACEHOLDERS) {
            Matcher placeholder = pattern.matcher(program);
            if (placeholder.find()) {
                return new Verdict(Outcome.FAILS, "placeholder '" + abbreviate(placeholder.group()) + "' needs a value");
            }
        }
        if (ELLIPSIS.matcher(program).find()) {
            return new Verdict(Outcome.FAILS, "code elided with '...'");
        }
        Set<String> available = PythonModules.available(request.library(), request.localModules());
        for (String module : imports(program)) {
            if (module.startsWith(".")) {
                return new Verdict(Outcome.FAILS, "relative import '" + module + "' needs the author's package");
            }
            String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
            if (!available.contains(top)) {
                return new Verdict(Outcome.FAILS, "imports '" + abbreviate(top) + "', which the "
                        + (request.library() == null ? "transformers" : request.library())
                        + " environment does not provide");
            }
        }
        String syntax = syntaxProblem(program);
        if (syntax != null) {
            return new Verdict(Outcome.FAILS, syntax);
        }
        Matcher ref = MODEL_REF.matcher(program);
        while (ref.find()) {
            if (!isThisModel(ref.group(1), request)) {
                repairs.add("model id '" + abbreviate(ref.group(1)) + "' replaced by " + request.modelRepoId());
            }
        }
        if (GPU.matcher(program).find()) {
            repairs.add("GPU device replaced by the CPU");
        }
        if (repairs.isEmpty()) {
            return new Verdict(Outcome.RUNS, "runs as written (static check)");
        }
        return new Verdict(Outcome.RUNS_AFTER_REPAIR, String.join("; ", repairs));
    }

    private static String dedent(List<String> lines, Set<String> repairs) {
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        if (indent == Integer.MAX_VALUE || indent == 0) {
            return String.join("\n", lines);
        }
        repairs.add("block dedented");
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(Math.min(indent, line.length())));
        }
        return String.join("\n", out);
    }

    static List<String> imports(String program) {
        List<String> modules = new ArrayList<>();
        Matcher plain = IMPORT.matcher(program);
        while (plain.find()) {
            for (String part : plain.group(1).split(",")) {
                modules.add(part.strip().split("\\s+")[0]);
            }
        }
        Matcher from = FROM_IMPORT.matcher(program);
        while (from.find()) {
            modules.add(from.group(1));
        }
        return modules;
    }

    private static boolean isThisModel(String id, Request request) {
        String repoId = request.modelRepoId() == null ? "" : request.modelRepoId();
        String shortName = repoId.contains("/") ? repoId.substring(repoId.indexOf('/') + 1) : repoId;
        return id.equalsIgnoreCase(repoId) || id.equalsIgnoreCase(shortName)
                || (request.modelName() != null && id.equalsIgnoreCase(request.modelName()))
                || id.startsWith("./") || id.startsWith("/") || id.equals(".");
    }

    /** Unbalanced brackets or an unterminated string, found by a small scanner that knows Python's strings and comments. */
    static String syntaxProblem(String program) {
        Deque<Character> open = new ArrayDeque<>();
        int i = 0;
        int n = program.length();
        while (i < n) {
            char c = program.charAt(i);
            if (c == '#') {
                while (i < n && program.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                boolean triple = i + 2 < n && program.charAt(i + 1) == c && program.charAt(i + 2) == c;
                String close = triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int j = i + close.length();
                boolean closed = false;
                while (j < n) {
                    char d = program.charAt(j);
                    if (d == '\\') {
                        j += 2;
                        continue;
                    }
                    if (!triple && d == '\n') {
                        break;
                    }
                    if (program.startsWith(close, j)) {
                        closed = true;
                        j += close.length();
                        break;
                    }
                    j++;
                }
                if (!closed) {
                    return "unterminated string";
                }
                i = j;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.pop() != expected) {
                    return "unbalanced '" + c + "'";
                }
            }
            i++;
        }
        return open.isEmpty() ? null : "unclosed '" + open.peek() + "'";
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
