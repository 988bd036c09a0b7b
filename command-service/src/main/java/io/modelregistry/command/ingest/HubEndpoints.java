package io.modelregistry.command.ingest;

/**
 * The only places ingest fetches from, all from configuration ({@code HF_ENDPOINT}, {@code GITHUB_API_URL},
 * {@code GITHUB_SERVER_URL}). {@code gitHubServer} is for git clones, which ingest does not do yet.
 */
record HubEndpoints(HubEndpoint huggingFace, HubEndpoint gitHubApi, HubEndpoint gitHubServer) {
}
