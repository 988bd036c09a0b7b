package io.modelregistry.projection.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link Requirement} as a formula over indexed trigrams that every text containing a match satisfies: the
 * prefilter of a regex search, the same for every backend, which each adapter renders into its own query language
 * ({@link #render}). Literals shorter than a trigram constrain nothing. To keep the query small, each literal uses at
 * most {@value #MAX_TRIGRAMS_PER_LITERAL} of its trigrams and the whole query at most {@value #MAX_TERMS}; dropping a
 * constraint only admits more candidates, which verification with RE2 filters, so it stays correct.
 */
public sealed interface TrigramQuery {

    int MAX_TRIGRAMS_PER_LITERAL = 16;
    /** Well under the 1,024 clauses a Lucene or OpenSearch boolean query may have by default. */
    int MAX_TERMS = 512;

    /** The text has this trigram. */
    record Gram(String gram) implements TrigramQuery {
    }

    /** The text satisfies every part. */
    record AllOf(List<TrigramQuery> parts) implements TrigramQuery {
        public AllOf {
            parts = List.copyOf(parts);
        }
    }

    /** The text satisfies at least one part. */
    record AnyOf(List<TrigramQuery> parts) implements TrigramQuery {
        public AnyOf {
            parts = List.copyOf(parts);
        }
    }

    /** Empty when the requirement does not narrow the texts (every text is a candidate). */
    static Optional<TrigramQuery> of(Requirement requirement) {
        return build(requirement, new int[] {MAX_TERMS});
    }

    /** This formula in a backend's terms: a term query per trigram, combined by conjunction and disjunction. */
    default <Q> Q render(Function<String, Q> gram, Function<List<Q>, Q> allOf, Function<List<Q>, Q> anyOf) {
        if (this instanceof Gram one) {
            return gram.apply(one.gram());
        }
        boolean all = this instanceof AllOf;
        List<TrigramQuery> parts = all ? ((AllOf) this).parts() : ((AnyOf) this).parts();
        List<Q> rendered = new ArrayList<>(parts.size());
        for (TrigramQuery part : parts) {
            rendered.add(part.render(gram, allOf, anyOf));
        }
        return all ? allOf.apply(rendered) : anyOf.apply(rendered);
    }

    private static Optional<TrigramQuery> build(Requirement requirement, int[] budget) {
        if (requirement instanceof Requirement.Contains contains) {
            return literal(contains.literal(), budget);
        }
        if (requirement instanceof Requirement.AllOf all) {
            List<TrigramQuery> parts = new ArrayList<>();
            for (Requirement part : all.parts()) {
                build(part, budget).ifPresent(parts::add);   // a conjunct we cannot express is just dropped
            }
            return combine(parts, AllOf::new);
        }
        if (requirement instanceof Requirement.AnyOf anyOf) {
            List<TrigramQuery> parts = new ArrayList<>();
            for (Requirement part : anyOf.parts()) {
                Optional<TrigramQuery> query = build(part, budget);
                if (query.isEmpty()) {
                    return Optional.empty();   // one unconstrained alternative admits every text
                }
                parts.add(query.get());
            }
            return combine(parts, AnyOf::new);
        }
        return Optional.empty();
    }

    private static Optional<TrigramQuery> literal(String literal, int[] budget) {
        List<String> grams = sample(Trigrams.of(literal));
        if (grams.isEmpty() || grams.size() > budget[0]) {
            return Optional.empty();
        }
        budget[0] -= grams.size();
        List<TrigramQuery> terms = new ArrayList<>(grams.size());
        for (String gram : grams) {
            terms.add(new Gram(gram));
        }
        return combine(terms, AllOf::new);
    }

    private static Optional<TrigramQuery> combine(List<TrigramQuery> parts,
                                                  Function<List<TrigramQuery>, TrigramQuery> combination) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1 ? parts.get(0) : combination.apply(parts));
    }

    /** Evenly spread, including the first and last, when a literal has more trigrams than we use. */
    private static List<String> sample(List<String> grams) {
        if (grams.size() <= MAX_TRIGRAMS_PER_LITERAL) {
            return grams;
        }
        Set<String> picked = new LinkedHashSet<>();
        for (int i = 0; i < MAX_TRIGRAMS_PER_LITERAL; i++) {
            picked.add(grams.get((int) ((long) i * (grams.size() - 1) / (MAX_TRIGRAMS_PER_LITERAL - 1))));
        }
        return List.copyOf(picked);
    }
}
