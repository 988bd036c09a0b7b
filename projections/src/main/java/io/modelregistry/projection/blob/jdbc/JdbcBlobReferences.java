package io.modelregistry.projection.blob.jdbc;

import io.modelregistry.api.blob.BlobReferences;
import io.modelregistry.api.blob.BlobReferencesWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The embedded blob references: one row per (artifact, version, digest) in the H2 table {@code blob_reference}. */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcBlobReferences implements BlobReferences, BlobReferencesWriter {

    /** Digests per IN list: keeps each statement small whatever page size a sweep asks about. */
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    public JdbcBlobReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> referencedAmong(Collection<String> digests) {
        List<String> all = new ArrayList<>(digests);
        Set<String> referenced = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            referenced.addAll(jdbc.queryForList("SELECT DISTINCT digest FROM blob_reference WHERE digest IN (" + marks
                    + ")", String.class, chunk.toArray()));
        }
        return referenced;
    }

    @Override
    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(DISTINCT digest) FROM blob_reference", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void replace(String artifactId, String version, Set<String> digests) {
        jdbc.update("DELETE FROM blob_reference WHERE artifact_id = ? AND version = ?", artifactId, version);
        List<Object[]> rows = digests.stream().map(d -> new Object[] {artifactId, version, d}).toList();
        jdbc.batchUpdate("INSERT INTO blob_reference (artifact_id, version, digest) VALUES (?, ?, ?)", rows);
    }

    @Override
    public void deleteArtifact(String artifactId) {
        jdbc.update("DELETE FROM blob_reference WHERE artifact_id = ?", artifactId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM blob_reference");
    }
}
