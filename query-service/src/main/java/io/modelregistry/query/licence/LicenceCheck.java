package io.modelregistry.query.licence;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.licence.CompatibilityEngine;
import io.modelregistry.licence.CompatibilityVerdict;
import io.modelregistry.licence.LicenceCatalogue;
import io.modelregistry.licence.LicenceTerms;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import org.springframework.stereotype.Component;

/**
 * One licence check: read the request, find the model (its licence as ingested), ask GitHub for the project's
 * licence, and let the engine of the {@code licences} module decide over its table. Checks run in that order
 * so a bad request is a 400 before anything is looked up, and an unknown model a 404 before GitHub is asked.
 */
@Component
class LicenceCheck {

    private final ArtifactDirectory directory;
    private final GitHubLicences github;
    private final LicenceCatalogue table;
    private final CompatibilityEngine engine;

    LicenceCheck(ArtifactDirectory directory, GitHubLicences github, LicenceCatalogue table, CompatibilityEngine engine) {
        this.directory = directory;
        this.github = github;
        this.table = table;
        this.engine = engine;
    }

    LicenceExplanation explain(String modelId, JsonNode body) {
        GitHubRepository repository = GitHubRepository.parse(githubUrl(body));
        ArtifactRecord model = directory.find(ArtifactType.MODEL, modelId).orElseThrow(() ->
                ErrorMessage.ARTIFACT_NO_MODEL_WITH_ID.exception(modelId));
        ProjectLicence project = github.licenceOf(repository);
        LicenceTerms modelTerms = table.resolve(model.licence());
        LicenceTerms projectTerms = table.resolve(project.declared());
        CompatibilityVerdict verdict = engine.evaluate(modelTerms, projectTerms);
        return new LicenceExplanation(
                view(modelTerms, model.licence(), "model " + model.id() + " (" + model.name() + ")"),
                view(projectTerms, project.declared(), "GitHub repository " + repository.fullName()),
                verdict.compatible(), LicenceExplanation.USE, verdict.reasons());
    }

    private static String githubUrl(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ErrorMessage.LICENCE_BODY_MUST_JSON_OBJECT.exception();
        }
        JsonNode url = body.get("github_url");
        if (url == null || !url.isTextual()) {
            throw ErrorMessage.LICENCE_MISSING_STRING_FIELD_GITHUB.exception();
        }
        return url.asText();
    }

    private static LicenceExplanation.Licence view(LicenceTerms terms, String declared, String subject) {
        return new LicenceExplanation.Licence(terms.id(), terms.name(), declared, terms.url(), terms.category(), subject);
    }
}
