package io.modelregistry.server.stores;

import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which adapter serves each port. Every value names a package of adapters that is switched on by the same
 * value ({@code @ConditionalOnProperty}); a scale-out adapter adds its constant here and its package beside
 * the embedded one. {@link StoreSelectionCheck} refuses unknown values before anything starts.
 *
 * @param eventStore event storage engine, token store and source claims
 * @param blobStore  package bytes
 * @param readModels directory, search, lineage, ratings, audit, download history and blob references
 */
@Validated
@ConfigurationProperties("registry")
public record StoreSelection(@NotNull @DefaultValue("jdbc") EventStore eventStore,
                             @NotNull @DefaultValue("filesystem") BlobStore blobStore,
                             @NotNull @DefaultValue("embedded") ReadModels readModels) {

    /** {@code registry.event-store}. */
    public enum EventStore { JDBC, DYNAMODB }

    /** {@code registry.blob-store}. */
    public enum BlobStore { FILESYSTEM, S3 }

    /** {@code registry.read-models}. */
    public enum ReadModels { EMBEDDED, OPENSEARCH }

    /** The property, its default and its known values, for the start-up check. */
    record Choice(String property, String defaultValue, List<String> known) {

        static Choice of(String property, String defaultValue, Enum<?>[] values) {
            return new Choice(property, defaultValue,
                    Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    static final List<Choice> CHOICES = List.of(
            Choice.of("registry.event-store", "jdbc", EventStore.values()),
            Choice.of("registry.blob-store", "filesystem", BlobStore.values()),
            Choice.of("registry.read-models", "embedded", ReadModels.values()));
}
