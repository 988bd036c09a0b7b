package io.modelregistry.hub;

/**
 * The only places ingest fetches from, both from configuration ({@code HF_ENDPOINT}, {@code GITHUB_API_URL}).
 * Git clones ({@code GITHUB_SERVER_URL}) are the rating's business: see the rating module's {@code GitServer}, which also
 * accepts a {@code file:} URL for tests, something an HTTP endpoint must never be.
 */
public record HubEndpoints(HubEndpoint huggingFace, HubEndpoint gitHubApi) {
}
