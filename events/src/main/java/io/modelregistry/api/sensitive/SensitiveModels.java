package io.modelregistry.api.sensitive;

import java.util.Optional;

/**
 * The sensitive-model read model (port, query side): which models are sensitive and which monitor program guards
 * each. Every path that serves a package's bytes asks it first (through the download side's one gate).
 */
public interface SensitiveModels {

    Optional<ModelGuard> guard(String artifactId);
}
