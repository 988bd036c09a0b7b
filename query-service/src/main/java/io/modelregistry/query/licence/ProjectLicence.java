package io.modelregistry.query.licence;

/**
 * A GitHub project's licence as the GitHub API reports it.
 *
 * @param declared the SPDX id (or GitHub's key when the SPDX id is NOASSERTION), or null when the repository
 *                 has no licence GitHub recognises as a file
 * @param name     GitHub's display name of the licence, or null
 */
record ProjectLicence(GitHubRepository repository, String declared, String name) {
}
