package io.modelregistry.projection.search.query;

/**
 * What {@link PatternParser} learns about a pattern without compiling it.
 *
 * @param required        literals every match must contain; {@link Requirement#any()} when unknown
 * @param findEquivalent  a pattern that finds a match in exactly the same texts, cheaper to run: leading and
 *                        trailing {@code .*} removed (a {@code .*} at either end of a search can always match
 *                        the empty string, and RE2/J only skips ahead with a literal prefix when there is one)
 * @param programSize     rough size of the compiled program (repetitions expanded)
 * @param repeatCopies    largest product of nested counted repetitions, e.g. 10 000 for {@code (a{100}){100}}
 */
record PatternFacts(Requirement required, String findEquivalent, long programSize, long repeatCopies) {
}
