package io.modelregistry.api.rest;

import io.modelregistry.api.artifact.ArtifactType;

/**
 * The contract's {@code Artifact}: {@code {"metadata": {name, id, type}, "data": {url, download_url}}}.
 * Field names follow the OpenAPI document; the web layer serialises these records as they are.
 */
public record ArtifactEnvelope(Metadata metadata, Data data) {

    public record Metadata(String name, String id, String type) {
        public static Metadata of(String name, String id, ArtifactType type) {
            return new Metadata(name, id, type.wireName());
        }
    }

    /** {@code download_url} is named as the contract spells it; it is a signed, expiring capability link. */
    public record Data(String url, String download_url) {
    }
}
