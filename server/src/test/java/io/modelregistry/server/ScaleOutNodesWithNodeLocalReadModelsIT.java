package io.modelregistry.server;

/** {@link ScaleOutNodesIT} with each node projecting the shared log into its own embedded read models. */
class ScaleOutNodesWithNodeLocalReadModelsIT extends ScaleOutNodesIT {

    ScaleOutNodesWithNodeLocalReadModelsIT() {
        super("embedded");
    }
}
