/**
 * The search read model: artifacts by exact name, listings by name and type, and RE2 regular expressions over
 * names and READMEs. {@link io.modelregistry.api.search.ArtifactSearch} is the query port and
 * {@link io.modelregistry.api.search.SearchIndexWriter} its write side; the projection in this package writes
 * through the latter. The embedded adapter ({@code lucene}, chosen by {@code registry.read-models=embedded})
 * implements both on a Lucene index under {@code ${registry.data-dir}/search-index}; the scale-out adapter
 * ({@code opensearch}, {@code registry.read-models=opensearch}) on one OpenSearch index shared by every node. Both are
 * fed by the {@code search} processing group, and both answer regular expressions with the backend-neutral analysis in
 * {@code query}: required literals as a trigram prefilter, candidates verified with RE2/J under a time budget.
 *
 * <p>What the launcher provides or may set:
 * <ul>
 *   <li>a streaming (tracking or pooled) event processor for processing group {@code search}; with a single
 *       segment a crash costs a replay only when the index really fell behind, with several segments after
 *       every crash (see {@code RecoveryPlan});</li>
 *   <li>{@code registry.data-dir} (default {@code ./data});</li>
 *   <li>{@code registry.search.commit-interval} (default 1 s, Lucene only): how often index changes are made
 *       durable;</li>
 *   <li>{@code registry.search.regex-budget} (default 5 s): the longest a regex search may take before it is
 *       refused as too expensive.</li>
 * </ul>
 * This package registers a propagating error handler for the {@code search} group, so a failed index write is
 * retried rather than skipped.
 */
package io.modelregistry.projection.search;
