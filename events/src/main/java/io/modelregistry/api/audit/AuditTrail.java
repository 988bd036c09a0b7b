package io.modelregistry.api.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The audit and download history read model (port, query side): who did what to an artifact, oldest first. */
public interface AuditTrail {

    /** At most {@code limit} entries, in the order the events happened. */
    List<AuditEntry> entriesFor(String artifactId, int limit);

    /** How many downloads each of {@code artifactIds} has had (ids without any are left out), at most 100 ids. */
    Map<String, Long> downloadCounts(Collection<String> artifactIds);
}
