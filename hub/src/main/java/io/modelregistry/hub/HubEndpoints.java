package io.modelregistry.command.ingest;

/**
 * The only places ingest fetches from, both from configuration ({@code HF_ENDPOINT}, {@code GITHUB_API_URL}).
 * Git clones ({@code GITHUB_SERVER_URL}) are the rating's business: see {@code rating.GitServer}, which also
 * accepts a {@code file:} URL for tests, something an HTTP endpoint must never be.
 */
record HubEndpoints(HubEndpoint huggingFace, HubEndpoint gitHubApi) {
}
