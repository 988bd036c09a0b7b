package io.modelregistry.projection.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One read model's index: its short name (the index is {@code <index-prefix><readModel>}) and its body, a JSON
 * object with {@code settings} (analysis, …) and {@code mappings}, as the create-index API takes it. Kept as a JSON
 * resource beside its adapter so that the mapping is read in one piece, as OpenSearch will see it.
 *
 * @param readModel short name, lower case ({@code search}, {@code directory}, …)
 * @param body      JSON object with optional {@code settings} and {@code mappings}
 */
public record IndexDefinition(String readModel, String body) {

    public IndexDefinition {
        Objects.requireNonNull(readModel, "readModel");
        Objects.requireNonNull(body, "body");
        if (!readModel.matches("[a-z][a-z0-9_-]{0,40}")) {
            throw new IllegalArgumentException("An index name must be lower case letters, digits, '_' or '-': "
                    + readModel);
        }
    }

    /** The definition whose body is the classpath resource {@code resource} (relative to {@code owner}). */
    public static IndexDefinition fromResource(String readModel, Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No index definition " + resource + " beside " + owner.getName());
            }
            return new IndexDefinition(readModel, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read index definition " + resource, e);
        }
    }
}
