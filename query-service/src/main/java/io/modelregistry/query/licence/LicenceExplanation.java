package io.modelregistry.query.licence;

import io.modelregistry.licence.CompatibilityVerdict;
import java.util.List;

/** The extension endpoint's answer: both licences as understood, the verdict, and the reasons (snake_case on the wire). */
record LicenceExplanation(Licence model_licence, Licence project_licence, boolean compatible, String use,
                          List<CompatibilityVerdict.Reason> reasons) {

    static final String USE = "fine-tune the model and use it for inference/generation inside the project, "
            + "distributed with the project's code";

    /**
     * @param id       the table's id ({@code unknown} or {@code none} when not recognised or not declared)
     * @param declared the licence as the source declared it (the model card / hub, or GitHub's SPDX id)
     */
    record Licence(String id, String name, String declared, String url, String category, String subject) {
    }
}
