package io.modelregistry.projection.timetravel;

import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.api.audit.AuditTrailWriter;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactDirectoryWriter;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.LineageWriter;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.api.rating.RatingReadModelWriter;

/**
 * Empty, private read models for one replay: the same ports the live projections write, on storage of their own
 * that {@link #close()} throws away. The adapter decides where that storage lives (the embedded one: an in-memory
 * database of the JDBC adapters).
 */
public interface ReplayStore extends AutoCloseable {

    ArtifactDirectory directory();

    ArtifactDirectoryWriter directoryWriter();

    AuditTrail audit();

    AuditTrailWriter auditWriter();

    RatingReadModel ratings();

    RatingReadModelWriter ratingsWriter();

    LineageStore lineage();

    LineageWriter lineageWriter();

    @Override
    void close();

    /** Opens a fresh, empty store per replay. */
    interface Factory {
        ReplayStore open();
    }
}
