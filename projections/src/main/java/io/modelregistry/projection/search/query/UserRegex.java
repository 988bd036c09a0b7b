package io.modelregistry.projection.search.query;

import io.modelregistry.api.error.ErrorMessage;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.modelregistry.api.error.RegistryException;
import java.util.regex.Matcher;

/**
 * A user's regular expression, checked and compiled for searching: RE2 syntax and semantics (linear time, no
 * backreferences), bounded in length and in how far repetitions expand, so that neither compiling nor
 * matching can exhaust the server.
 */
public final class UserRegex {

    public static final int MAX_LENGTH = 1000;
    /** RE2's own rule, which RE2/J 1.8 does not enforce across nesting: at most 1000 copies of anything. */
    static final long MAX_REPEAT_COPIES = 1000;
    /** Roughly the compiled program's instruction count; matching costs this much per character at worst. */
    static final long MAX_PROGRAM_SIZE = 10_000;

    // a counted repetition anywhere in the text; a fixed pattern that cannot backtrack badly
    private static final java.util.regex.Pattern COUNTED_REPEAT =
            java.util.regex.Pattern.compile("\\{(\\d{1,7})(?:,(\\d{0,7}))?}");

    private final Pattern finder;
    private final Requirement required;

    private UserRegex(Pattern finder, Requirement required) {
        this.finder = finder;
        this.required = required;
    }

    /** @throws RegistryException BAD_REQUEST when the pattern is missing, too long, invalid or too expensive */
    public static UserRegex compile(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw ErrorMessage.SEARCH_REGULAR_EXPRESSION_REQUIRED.exception();
        }
        if (regex.length() > MAX_LENGTH) {
            throw ErrorMessage.SEARCH_INVALID_REGULAR_EXPRESSION_LONGER.exception(MAX_LENGTH);
        }
        PatternFacts facts;
        try {
            facts = PatternParser.parse(regex);
        } catch (PatternParser.MalformedPatternException malformed) {
            facts = null;
        }
        long copies = facts != null ? facts.repeatCopies() : crudeRepeatCopies(regex);
        if (copies > MAX_REPEAT_COPIES) {
            throw ErrorMessage.SEARCH_INVALID_REGULAR_EXPRESSION_NESTED.exception(MAX_REPEAT_COPIES);
        }
        if (facts != null && facts.programSize() > MAX_PROGRAM_SIZE) {
            throw ErrorMessage.SEARCH_INVALID_REGULAR_EXPRESSION_TOO.exception();
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException invalid) {
            throw ErrorMessage.SEARCH_INVALID_REGULAR_EXPRESSION.exception(invalid.getMessage());
        }
        if (facts == null) {
            // RE2/J accepted what our parser did not understand: search without shortcuts
            return new UserRegex(pattern, Requirement.any());
        }
        return new UserRegex(finderFor(pattern, facts.findEquivalent()), facts.required());
    }

    private static Pattern finderFor(Pattern pattern, String findEquivalent) {
        if (findEquivalent.equals(pattern.pattern())) {
            return pattern;
        }
        try {
            return Pattern.compile(findEquivalent);
        } catch (PatternSyntaxException notEquivalentAfterAll) {
            return pattern;
        }
    }

    /** Product of every counted repetition's count, as if all were nested: an upper bound needing no parse. */
    private static long crudeRepeatCopies(String regex) {
        long product = 1;
        Matcher repeat = COUNTED_REPEAT.matcher(regex);
        while (repeat.find()) {
            String max = repeat.group(2);
            long count = Long.parseLong(max == null || max.isEmpty() ? repeat.group(1) : max);
            product = product > Long.MAX_VALUE / Math.max(count, 1) ? Long.MAX_VALUE : product * Math.max(count, 1);
        }
        return product;
    }

    /** RE2 {@code find()}: does the text contain a match anywhere? */
    public boolean findIn(CharSequence text) {
        return finder.matcher(text).find();
    }

    /** Literals every matching text contains; {@link Requirement#any()} when unknown. */
    public Requirement required() {
        return required;
    }
}
