package io.modelregistry.api.sensitive;

/** The write side of the sensitive-model read model (port), used only by its projection. */
public interface SensitiveModelsWriter {

    void sensitivity(String artifactId, boolean sensitive, String changedBy, java.time.Instant changedAt);

    /** @param program the attached program, or null once it is removed */
    void program(String artifactId, ModelGuard.Program program, String changedBy, java.time.Instant changedAt);

    void delete(String artifactId);

    void deleteAll();
}
