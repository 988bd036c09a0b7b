package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What GitHub says about one code repository a model card links.
 *
 * @param fullName     OWNER/REPO as GitHub spells it
 * @param repo         the repository's metadata, or null when it could not be reached
 * @param contributors the first page of contributors, most commits first (empty when unknown)
 * @param files        the file paths of the default branch, or null when GitHub gave no listing
 * @param problem      why it is unreachable or incomplete, or null
 */
record RepositoryEvidence(String fullName, JsonNode repo, List<Contributor> contributors, List<String> files,
                          String problem) {

    RepositoryEvidence {
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
        files = files == null ? null : List.copyOf(files);
    }

    static RepositoryEvidence unreachable(String fullName, String problem) {
        return new RepositoryEvidence(fullName, null, List.of(), null, problem);
    }

    boolean reachable() {
        return repo != null;
    }

    String defaultBranch() {
        return repo == null ? null : repo.path("default_branch").asText(null);
    }

    RepositoryEvidence withFiles(List<String> listing) {
        return new RepositoryEvidence(fullName, repo, contributors, listing, problem);
    }
}
