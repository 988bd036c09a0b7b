package io.modelregistry.projection.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every text in which a regular expression finds a match must contain: a formula over "contains this
 * literal". {@link Any} means no requirement is known (every text qualifies). The formula is derived
 * conservatively, so it may admit texts without a match, but never rejects one with a match.
 */
public sealed interface Requirement {

    boolean isSatisfiedBy(String text);

    static Requirement any() {
        return Any.INSTANCE;
    }

    static Requirement contains(String literal) {
        return literal.isEmpty() ? any() : new Contains(literal);
    }

    static Requirement allOf(List<Requirement> parts) {
        Set<Requirement> flat = new LinkedHashSet<>();
        for (Requirement part : parts) {
            if (part instanceof AllOf all) {
                flat.addAll(all.parts());
            } else if (!(part instanceof Any)) {
                flat.add(part);
            }
        }
        return flat.isEmpty() ? any() : flat.size() == 1 ? flat.iterator().next() : new AllOf(List.copyOf(flat));
    }

    static Requirement anyOf(List<Requirement> parts) {
        Set<Requirement> flat = new LinkedHashSet<>();
        for (Requirement part : parts) {
            if (part instanceof Any) {
                return any();   // one unconstrained alternative makes the whole choice unconstrained
            }
            if (part instanceof AnyOf some) {
                flat.addAll(some.parts());
            } else {
                flat.add(part);
            }
        }
        return flat.isEmpty() ? any() : flat.size() == 1 ? flat.iterator().next() : new AnyOf(List.copyOf(flat));
    }

    enum Any implements Requirement {
        INSTANCE;

        @Override
        public boolean isSatisfiedBy(String text) {
            return true;
        }
    }

    record Contains(String literal) implements Requirement {
        @Override
        public boolean isSatisfiedBy(String text) {
            return text.contains(literal);
        }
    }

    record AllOf(List<Requirement> parts) implements Requirement {
        @Override
        public boolean isSatisfiedBy(String text) {
            return parts.stream().allMatch(part -> part.isSatisfiedBy(text));
        }
    }

    record AnyOf(List<Requirement> parts) implements Requirement {
        @Override
        public boolean isSatisfiedBy(String text) {
            return parts.stream().anyMatch(part -> part.isSatisfiedBy(text));
        }
    }

    /** Helper for callers that build a list of alternatives from a set of literals. */
    static Requirement anyLiteral(Set<String> literals) {
        List<Requirement> parts = new ArrayList<>(literals.size());
        for (String literal : literals) {
            parts.add(contains(literal));
        }
        return anyOf(parts);
    }
}
