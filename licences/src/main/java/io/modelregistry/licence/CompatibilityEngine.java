package io.modelregistry.licence;

import io.modelregistry.licence.CompatibilityVerdict.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a model under licence M may be fine-tuned and used for inference or generation inside a
 * GitHub project under licence P. The project is taken to distribute the fine-tuned model with its code (a
 * published repository does), so the fine-tuned model is a derivative of the model shipped under the project's
 * terms. Generic rules over the table's data, in the order of the ModelGo analysis:
 * <ol>
 *   <li>both licences must be recognised;</li>
 *   <li>M must permit adaptation and sharing the adaptation (no-derivatives and "no licence" fail here);</li>
 *   <li>a non-commercial M conflicts with a P that grants recipients commercial use;</li>
 *   <li>a whole-work copyleft M (GPL, AGPL, ShareAlike) requires P to be a licence its derivatives may carry;
 *       a component copyleft M (LGPL, MPL, EPL) stays a separately licensed part unless P is excluded;</li>
 *   <li>every term M attaches to derivatives (behavioural-use restrictions that must be passed down, patent
 *       termination, attribution forms, revocation, …) conflicts with a P that forbids further restrictions and
 *       does not tolerate that term; otherwise it is an obligation the project must carry.</li>
 * </ol>
 * Stateless; one instance may serve any number of threads.
 */
public final class CompatibilityEngine {

    public static final String CONFLICT = "conflict";
    public static final String SATISFIED = "satisfied";
    public static final String OBLIGATION = "obligation";

    public CompatibilityVerdict evaluate(LicenceTerms model, LicenceTerms project) {
        List<Reason> reasons = new ArrayList<>();
        if (!model.recognised() || !project.recognised()) {
            if (!model.recognised()) {
                reasons.add(new Reason(CONFLICT, "model_licence_unrecognised", "Model licence: " + model.clause("grant")));
            }
            if (!project.recognised()) {
                reasons.add(new Reason(CONFLICT, "project_licence_unrecognised", "Project licence: " + project.clause("grant")));
            }
            return verdict(reasons);
        }
        grants(model, reasons);
        commercial(model, project, reasons);
        copyleft(model, project, reasons);
        imposedTerms(model, project, reasons);
        return verdict(reasons);
    }

    private static void grants(LicenceTerms model, List<Reason> reasons) {
        if (!model.grants().fineTune()) {
            reasons.add(new Reason(CONFLICT, "no_fine_tuning", model.id() + " does not permit fine-tuning: " + model.clause("grant")));
        } else if (!model.grants().distributeDerivatives()) {
            reasons.add(new Reason(CONFLICT, "no_sharing_derivatives", model.id() + " does not permit sharing a fine-tuned "
                    + "model, which the project does by including it: " + model.clause("grant")));
        } else {
            reasons.add(new Reason(SATISFIED, "fine_tune_and_share", model.id() + " permits fine-tuning and sharing the "
                    + "result: " + model.clause("grant")));
        }
    }

    private static void commercial(LicenceTerms model, LicenceTerms project, List<Reason> reasons) {
        if (model.grants().commercial()) {
            return;
        }
        if (project.grants().commercial()) {
            reasons.add(new Reason(CONFLICT, "non_commercial", model.id() + " is non-commercial (" + model.clause("non_commercial")
                    + "), but " + project.id() + " grants every recipient of the project commercial use ("
                    + project.clause("commercial") + ")"));
        } else {
            reasons.add(new Reason(SATISFIED, "non_commercial", model.id() + " is non-commercial and " + project.id()
                    + " grants no commercial use either (" + project.clause("non_commercial")
                    + "); inference and generation must stay non-commercial"));
        }
    }

    private static void copyleft(LicenceTerms model, LicenceTerms project, List<Reason> reasons) {
        LicenceTerms.Copyleft copyleft = model.copyleft();
        String trigger = String.join(" and ", copyleft.triggeredBy().stream().map(t -> switch (t) {
            case "network_use" -> "serving it to users over a network";
            default -> "distributing the fine-tuned model";
        }).toList());
        if (copyleft.wholeWork()) {
            if (copyleft.derivativesUnder().contains(project.id())) {
                reasons.add(new Reason(SATISFIED, "copyleft", model.id() + " copyleft, triggered by " + trigger + ", is met: "
                        + project.id() + " is a licence its derivatives may carry (" + model.clause("copyleft") + ")"));
            } else {
                reasons.add(new Reason(CONFLICT, "copyleft", model.id() + " copyleft is triggered by " + trigger + " and "
                        + "requires the combined work under " + String.join(" or ", copyleft.derivativesUnder()) + ", not "
                        + project.id() + ": " + model.clause("copyleft")));
            }
        } else if (copyleft.component()) {
            if (copyleft.excludedProjects().contains(project.id())) {
                reasons.add(new Reason(CONFLICT, "copyleft", model.id() + " cannot be combined into a " + project.id()
                        + " project: " + model.clause("copyleft")));
            } else {
                reasons.add(new Reason(OBLIGATION, "copyleft", "The fine-tuned model stays a separately licensed "
                        + model.id() + " component of the project (its changes published under " + model.id() + "): "
                        + model.clause("copyleft")));
            }
        }
    }

    private static void imposedTerms(LicenceTerms model, LicenceTerms project, List<Reason> reasons) {
        for (String term : model.imposes()) {
            if (project.accepts(term)) {
                String why = project.forbidsAdditionalRestrictions()
                        ? project.id() + " accepts this term" : project.clause("additional_terms");
                reasons.add(new Reason(OBLIGATION, term, model.clause(term) + " (" + why + ")"));
            } else {
                reasons.add(new Reason(CONFLICT, "further_restriction:" + term, model.clause(term) + " - a further "
                        + "restriction that " + project.id() + " forbids: " + project.clause("no_further_restrictions")));
            }
        }
    }

    private static CompatibilityVerdict verdict(List<Reason> reasons) {
        return new CompatibilityVerdict(reasons.stream().noneMatch(r -> CONFLICT.equals(r.verdict())), reasons);
    }
}
