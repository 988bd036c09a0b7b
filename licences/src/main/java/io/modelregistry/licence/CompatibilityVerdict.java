package io.modelregistry.licence;

import java.util.List;

/** The answer for one (model licence, project licence) pair and every reason behind it, in evaluation order. */
public record CompatibilityVerdict(boolean compatible, List<Reason> reasons) {

    /**
     * @param verdict {@code conflict} (makes the pair incompatible), {@code satisfied} (a rule checked and met),
     *                {@code obligation} (a term the project must carry out), or {@code note}
     * @param rule    a stable name of the rule, e.g. {@code copyleft} or {@code further_restriction:use_restrictions}
     * @param text    the reason, citing the clauses it rests on
     */
    public record Reason(String verdict, String rule, String text) {
    }

    public CompatibilityVerdict {
        reasons = List.copyOf(reasons);
    }
}
