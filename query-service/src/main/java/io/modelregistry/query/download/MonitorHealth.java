package io.modelregistry.query.download;

import java.time.Instant;

/**
 * How the monitor programs of sensitive models have been running on this node, for the health dashboard: a monitor
 * that cannot run (Node.js missing or unusable, every slot busy) refuses every download of a sensitive model, so
 * operators must see it before users report it.
 *
 * @param runs              downloads of sensitive models that asked for a verdict since start
 * @param unavailable       of those, how many got no verdict because the monitor could not run
 * @param lastRunAt         when the last verdict was asked for, null before the first
 * @param lastUnavailableAt when the monitor last could not run, null if never
 * @param lastProblem       why it could not run then, null if never
 * @param failing           whether the last run is one that could not run
 */
public record MonitorHealth(long runs, long unavailable, Instant lastRunAt, Instant lastUnavailableAt,
                            String lastProblem, boolean failing) {
}
