package io.modelregistry.server.axon.jdbc;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a commit to the embedded H2 database (event log, duplicate-source claims, tokens, read models) reaches
 * the disk. {@code fsync} is the only setting under which a 2xx means durable; the others exist to measure what
 * it costs.
 *
 * @param commit {@code fsync} (default): every commit is written to the file before it returns, and a write is
 *               acknowledged only after an fsync that covers it (shared by concurrent writers); {@code write}: every
 *               commit is written to the file before it returns, no fsync (survives a killed process, not a power
 *               loss); {@code delayed}: H2's default, commits reach the file up to 500 ms later (a killed process
 *               loses them)
 */
@Validated
@ConfigurationProperties("registry.durability")
public record DurabilityProperties(@NotNull @DefaultValue("fsync") Commit commit) {

    public enum Commit { FSYNC, WRITE, DELAYED }

    public DurabilityProperties {
        if (commit == null) {
            throw new IllegalArgumentException("registry.durability.commit must be fsync, write or delayed");
        }
    }
}
