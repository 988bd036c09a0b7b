package io.modelregistry.projection.search;

public record IndexStats(long documents, java.time.Instant lastWriteAt, long sizeBytes, long lastAppliedPosition) {
}
