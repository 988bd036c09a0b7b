package io.modelregistry.server;

/** {@link ScaleOutNodesIT} with the read models the nodes share, in OpenSearch. */
class ScaleOutNodesWithSharedReadModelsIT extends ScaleOutNodesIT {

    ScaleOutNodesWithSharedReadModelsIT() {
        super("opensearch");
    }
}
