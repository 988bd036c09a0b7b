package io.modelregistry.licence;

import java.util.List;

/**
 * How clearly and how permissively a licence lets a company use a model, in [0, 1], with a one-line reason:
 * the {@code license} metric of the rating. Derived from the licence's terms in the table, first rule that
 * applies:
 * <table>
 *   <caption>the derivation</caption>
 *   <tr><th>terms</th><th>score</th></tr>
 *   <tr><td>not recognised ({@code unknown}), or no right to fine-tune granted ({@code none})</td><td>0</td></tr>
 *   <tr><td>non-commercial and no derivatives may be shared</td><td>0</td></tr>
 *   <tr><td>non-commercial</td><td>0.1</td></tr>
 *   <tr><td>no derivatives may be shared</td><td>0.2</td></tr>
 *   <tr><td>network copyleft</td><td>0.2</td></tr>
 *   <tr><td>strong (whole-work) copyleft</td><td>0.3</td></tr>
 *   <tr><td>imposes a user cap ({@code scale_limit}) or a ban on improving other models</td><td>0.5</td></tr>
 *   <tr><td>imposes behavioural-use restrictions that must be passed down</td><td>0.6</td></tr>
 *   <tr><td>weak copyleft: 0.8; 0.7 when some project licences are excluded; 0.6 when it also forbids
 *       further restrictions on recipients</td><td>0.6–0.8</td></tr>
 *   <tr><td>otherwise permissive, but forbids further restrictions on the material</td><td>0.9</td></tr>
 *   <tr><td>permissive: use, adaptation and sharing granted, commercially, further terms allowed</td><td>1</td></tr>
 * </table>
 * An entry may set {@code rating_score} and {@code rating_reason} instead, where the terms the table models do not
 * capture the judgement (they are listed in the table's header). A declared licence the table does not
 * recognise scores the table's {@code unrecognised.rating_score}; nothing declared scores as {@code none}.
 *
 * @param id     the table's id of the licence ({@code none}, {@code unknown} when not recognised)
 * @param score  in [0, 1]
 * @param reason one line
 */
public record LicenceRating(String id, double score, String reason) {

    public LicenceRating {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("licence score must be in [0, 1], not " + score);
        }
    }

    static LicenceRating of(LicenceTerms terms) {
        if (terms.ratingScore() != null) {
            return new LicenceRating(terms.id(), terms.ratingScore(), terms.ratingReason());
        }
        return derive(terms);
    }

    /** The score the rules above give the terms, ignoring an explicit {@code rating_score}. */
    static LicenceRating derive(LicenceTerms t) {
        LicenceTerms.Grants grants = t.grants();
        LicenceTerms.Copyleft copyleft = t.copyleft();
        if (!t.recognised()) {
            return new LicenceRating(t.id(), 0, "licence unknown or not asserted: no right to use can be assumed");
        }
        if (!grants.fineTune()) {
            return new LicenceRating(t.id(), 0, "no right to use, adapt or share the model is granted (all rights reserved)");
        }
        if (!grants.commercial() && !grants.distributeDerivatives()) {
            return new LicenceRating(t.id(), 0, "non-commercial, and a fine-tuned model may not be shared");
        }
        if (!grants.commercial()) {
            return new LicenceRating(t.id(), 0.1, "non-commercial use only"
                    + (copyleft.wholeWork() ? ", derived models under the same licence" : ""));
        }
        if (!grants.distributeDerivatives()) {
            return new LicenceRating(t.id(), 0.2, "no derivatives: a fine-tuned model may not be shared");
        }
        if ("network".equals(copyleft.scope())) {
            return new LicenceRating(t.id(), 0.2, "network copyleft: even serving the model obliges releasing "
                    + "the whole work under " + String.join(" or ", copyleft.derivativesUnder()));
        }
        if (copyleft.wholeWork()) {
            return new LicenceRating(t.id(), 0.3, "strong copyleft: distributing a product built on it means "
                    + "releasing the whole work under " + String.join(" or ", copyleft.derivativesUnder()));
        }
        if (t.imposes().contains("scale_limit") || t.imposes().contains("no_improving_other_models")) {
            return new LicenceRating(t.id(), 0.5, "custom licence: commercial use allowed with restrictions ("
                    + String.join(", ", present(t, List.of("scale_limit", "no_improving_other_models", "use_restrictions")))
                    + ")");
        }
        if (t.imposes().contains("use_restrictions")) {
            return new LicenceRating(t.id(), 0.6, "permissive with behavioural-use restrictions that every "
                    + "derivative must pass down");
        }
        if (copyleft.component()) {
            if (t.forbidsAdditionalRestrictions()) {
                return new LicenceRating(t.id(), 0.6, "weak copyleft: changes to the model must be shared under it, "
                        + "and no further restrictions may be imposed on recipients");
            }
            if (!copyleft.excludedProjects().isEmpty()) {
                return new LicenceRating(t.id(), 0.7, "weak copyleft: changes to the model must be shared under it, "
                        + "and it cannot be combined into " + String.join(", ", copyleft.excludedProjects()) + " projects");
            }
            return new LicenceRating(t.id(), 0.8, "weak copyleft: changes to the model must be shared under it");
        }
        if (t.forbidsAdditionalRestrictions()) {
            return new LicenceRating(t.id(), 0.9, "permissive, attribution required and no further restrictions "
                    + "may be imposed on it");
        }
        return new LicenceRating(t.id(), 1, "permissive: use, adaptation and sharing granted, commercially");
    }

    private static List<String> present(LicenceTerms t, List<String> terms) {
        return terms.stream().filter(t.imposes()::contains).map(term -> switch (term) {
            case "scale_limit" -> "user cap";
            case "no_improving_other_models" -> "no improving other models";
            case "use_restrictions" -> "acceptable-use policy";
            default -> term;
        }).toList();
    }
}
