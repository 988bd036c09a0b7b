package io.modelregistry.projection.search.lucene;

/** A document of one point-in-time view: the leaf (segment) ordinal and the doc id inside that leaf. */
record DocRef(int leaf, int doc) {
}
