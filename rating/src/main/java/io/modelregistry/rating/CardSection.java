package io.modelregistry.rating;

/**
 * A heading of a model card and the prose directly under it, up to the next heading (code blocks left out;
 * {@code codeBlocks} counts them).
 */
record CardSection(int level, String title, String prose, int codeBlocks) {
}
