package io.modelregistry.projection.search.query;

import java.util.List;
import java.util.Random;

/**
 * Random RE2 patterns and texts over a small alphabet, so that patterns and texts meet often. Covers the
 * syntax the prefilter reasons about: literals, escapes, quoting, classes, groups, flags, anchors, repeats.
 */
public final class RandomRegex {

    private static final String ALPHABET = "abcx-. _\n";
    private static final List<String> ATOMS = List.of(
            "a", "b", "c", "x", "-", " ", "\\.", "\\-", "\\_", "\\n", "\\x61", "\\x{62}", "\\141", "{", "}", "]",
            ".", "\\d", "\\w", "\\s", "\\W", "\\pL", "\\p{Latin}", "\\PL",
            "[ab]", "[a-c]", "[^a]", "[]a]", "[a-]", "[.x]", "[[:alpha:]]", "[\\-a]", "[\\d-]", "[bcax_-]",
            "^", "$", "\\b", "\\B", "\\A", "\\z");
    private static final List<String> QUANTIFIERS = List.of(
            "*", "+", "?", "*?", "+?", "??", "{2}", "{0,2}", "{1,}", "{1,3}", "{0}", "{2,}?");
    private static final List<String> FLAGS = List.of("(?s)", "(?m)", "(?U)", "(?i)", "(?-s)", "(?sm)");

    private final Random random;

    public RandomRegex(long seed) {
        this.random = new Random(seed);
    }

    public String pattern() {
        return alternation(0);
    }

    public String text(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private String alternation(int depth) {
        StringBuilder out = new StringBuilder(concatenation(depth));
        while (random.nextInt(4) == 0) {
            out.append('|').append(concatenation(depth));
        }
        return out.toString();
    }

    private String concatenation(int depth) {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            out.append(piece(depth));
        }
        return out.toString();
    }

    private String piece(int depth) {
        int kind = random.nextInt(20);
        String atom;
        if (kind < 9) {
            atom = ATOMS.get(random.nextInt(ATOMS.size()));
        } else if (kind < 12) {
            atom = "abcx".substring(random.nextInt(2), 2 + random.nextInt(3));   // a short literal run
        } else if (kind < 15 && depth < 3) {
            String open = List.of("(", "(?:", "(?P<g" + random.nextInt(1000) + ">", "(?s:", "(?i:")
                    .get(random.nextInt(5));
            atom = open + alternation(depth + 1) + ")";
        } else if (kind < 17) {
            return FLAGS.get(random.nextInt(FLAGS.size())) + maybeQuantifier();   // "ab(?s)*" repeats the b
        } else if (kind < 18) {
            return "\\Q" + "ab.x*".substring(random.nextInt(3)) + (random.nextBoolean() ? "\\E" : "\\E") + maybeQuantifier();
        } else {
            atom = String.valueOf("abc".charAt(random.nextInt(3)));
        }
        return atom + maybeQuantifier();
    }

    private String maybeQuantifier() {
        return random.nextInt(3) == 0 ? QUANTIFIERS.get(random.nextInt(QUANTIFIERS.size())) : "";
    }
}
