package io.modelregistry.projection.consistency;

import java.util.OptionalLong;

/**
 * How far a processor has got on every node together, read from a token store the nodes share, without claiming
 * anything. Nodes on a shared store split each processor's segments between them, so a node's own processor
 * status shows only the segments it holds (none, on every node but one, with a single segment): a write answered
 * by one node must wait for the node that holds the segment, and this is how it sees that node's progress.
 */
public interface SharedTokenPositions {

    /**
     * The lowest position over all of the processor's segments as stored, -1 for a segment with no token yet;
     * empty when the processor has no segment in the store (not initialised yet).
     */
    OptionalLong lowestPosition(String processorName);
}
