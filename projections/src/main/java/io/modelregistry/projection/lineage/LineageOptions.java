package io.modelregistry.projection.lineage;

/**
 * What a lineage graph holds beyond the registered models of the lineage (the default the contract expects).
 *
 * @param includeExternal add ancestors that metadata names but that are not registered, as {@code ext-} nodes
 * @param includeData     add the datasets and code repositories the graph's models link to
 */
public record LineageOptions(boolean includeExternal, boolean includeData) {

    public static final LineageOptions MODELS_ONLY = new LineageOptions(false, false);
}
