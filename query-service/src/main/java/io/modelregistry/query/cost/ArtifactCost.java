package io.modelregistry.query.cost;

/** One entry of the contract's ArtifactCost, in MB (10^6 bytes); {@code standaloneMb} is null without dependencies. */
record ArtifactCost(Double standaloneMb, double totalMb) {
}
