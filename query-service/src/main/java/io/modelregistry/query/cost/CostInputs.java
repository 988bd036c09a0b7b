package io.modelregistry.query.cost;

import java.util.List;
import java.util.OptionalLong;

/** What a cost needs to know about artifacts: their size and what they depend on directly. */
interface CostInputs {

    /** Bytes of a full download of the artifact, or empty when it is not (or no longer) registered. */
    OptionalLong bytes(String artifactId);

    /** The registered artifacts it depends on directly: parent models, linked datasets and code. */
    List<String> dependencies(String artifactId);
}
