package io.modelregistry.licence;

import java.util.List;
import java.util.Map;

/**
 * One licence as the table models it (see {@code licences/licences.yaml} for the meaning of each field):
 * the rights it grants, how far its copyleft reaches, the terms it attaches to derivatives, and — as the
 * licence of a project — whether it tolerates terms other licences add.
 *
 * @param ratingScore  the rating's licence score when the table sets it explicitly (null: derived from the
 *                     terms by {@link LicenceRating#derive})
 * @param ratingReason the one-line reason for an explicit {@code ratingScore}
 */
public record LicenceTerms(String id, String name, String url, List<String> aliases, String category, Grants grants,
                           Copyleft copyleft, List<String> imposes, boolean forbidsAdditionalRestrictions,
                           List<String> tolerates, Map<String, String> clauses, Double ratingScore,
                           String ratingReason) {

    public static final String UNKNOWN = "unknown";
    public static final String NONE = "none";

    public LicenceTerms {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        imposes = imposes == null ? List.of() : List.copyOf(imposes);
        tolerates = tolerates == null ? List.of() : List.copyOf(tolerates);
        clauses = clauses == null ? Map.of() : Map.copyOf(clauses);
    }

    /** Terms without an explicit rating score: the rating derives it from the terms. */
    public LicenceTerms(String id, String name, String url, List<String> aliases, String category, Grants grants,
                        Copyleft copyleft, List<String> imposes, boolean forbidsAdditionalRestrictions,
                        List<String> tolerates, Map<String, String> clauses) {
        this(id, name, url, aliases, category, grants, copyleft, imposes, forbidsAdditionalRestrictions, tolerates,
                clauses, null, null);
    }

    public record Grants(boolean fineTune, boolean distributeDerivatives, boolean commercial) {
    }

    /** {@code scope}: none, weak, strong or network. */
    public record Copyleft(String scope, List<String> triggeredBy, List<String> derivativesUnder,
                           List<String> excludedProjects) {

        public Copyleft {
            triggeredBy = triggeredBy == null ? List.of() : List.copyOf(triggeredBy);
            derivativesUnder = derivativesUnder == null ? List.of() : List.copyOf(derivativesUnder);
            excludedProjects = excludedProjects == null ? List.of() : List.copyOf(excludedProjects);
        }

        /** Strong or network copyleft: the combined work must be under one of {@code derivativesUnder}. */
        public boolean wholeWork() {
            return "strong".equals(scope) || "network".equals(scope);
        }

        /** Weak copyleft: the licensed part stays a separately licensed component. */
        public boolean component() {
            return "weak".equals(scope);
        }
    }

    public boolean recognised() {
        return !UNKNOWN.equals(category);
    }

    /** The citation for a right or term; the table is validated at load, so every used key has one. */
    public String clause(String key) {
        return clauses.getOrDefault(key, id + ": " + key);
    }

    /** Does this licence, as the project's, accept a term a model licence imposes? */
    public boolean accepts(String term) {
        return !forbidsAdditionalRestrictions || tolerates.contains(term) || imposes.contains(term);
    }

    /** The rating's clarity-and-permissiveness score of this licence and its reason (see {@link LicenceRating}). */
    public LicenceRating rating() {
        return LicenceRating.of(this);
    }
}
