package io.modelregistry.query.licence;

import java.util.List;
import java.util.Map;

/**
 * One licence as the table models it (see {@code licences/licences.yaml} for the meaning of each field):
 * the rights it grants, how far its copyleft reaches, the terms it attaches to derivatives, and — as the
 * licence of a project — whether it tolerates terms other licences add.
 */
record LicenceTerms(String id, String name, String url, List<String> aliases, String category, Grants grants,
                    Copyleft copyleft, List<String> imposes, boolean forbidsAdditionalRestrictions,
                    List<String> tolerates, Map<String, String> clauses) {

    static final String UNKNOWN = "unknown";
    static final String NONE = "none";

    LicenceTerms {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        imposes = imposes == null ? List.of() : List.copyOf(imposes);
        tolerates = tolerates == null ? List.of() : List.copyOf(tolerates);
        clauses = clauses == null ? Map.of() : Map.copyOf(clauses);
    }

    record Grants(boolean fineTune, boolean distributeDerivatives, boolean commercial) {
    }

    /** {@code scope}: none, weak, strong or network. */
    record Copyleft(String scope, List<String> triggeredBy, List<String> derivativesUnder, List<String> excludedProjects) {

        Copyleft {
            triggeredBy = triggeredBy == null ? List.of() : List.copyOf(triggeredBy);
            derivativesUnder = derivativesUnder == null ? List.of() : List.copyOf(derivativesUnder);
            excludedProjects = excludedProjects == null ? List.of() : List.copyOf(excludedProjects);
        }

        boolean wholeWork() {
            return "strong".equals(scope) || "network".equals(scope);
        }

        boolean component() {
            return "weak".equals(scope);
        }
    }

    boolean recognised() {
        return !UNKNOWN.equals(category);
    }

    /** The citation for a right or term; the table is validated at load, so every used key has one. */
    String clause(String key) {
        return clauses.getOrDefault(key, id + ": " + key);
    }

    /** Does this licence, as the project's, accept a term a model licence imposes? */
    boolean accepts(String term) {
        return !forbidsAdditionalRestrictions || tolerates.contains(term) || imposes.contains(term);
    }
}
