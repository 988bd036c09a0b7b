package io.modelregistry.api.audit;

import java.util.List;

/** The audit and download history read model (port, query side): who did what to an artifact, oldest first. */
public interface AuditTrail {

    /** At most {@code limit} entries, in the order the events happened. */
    List<AuditEntry> entriesFor(String artifactId, int limit);
}
