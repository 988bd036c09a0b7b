package io.modelregistry.server.web;

import io.modelregistry.api.error.ErrorMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Which of the registry's components an unexpected failure says is unavailable, so that the client is told "the
 * blob store is unavailable" with a 503 instead of "the registry failed" with a 500. Two things must both hold:
 * the failure is of a kind that means a component did not answer (an I/O or connection failure, a timeout, a
 * database that refused, an AWS call that could not be made or that AWS answered with a 5xx), and the code it
 * passed through names the component: the first stack frame, from where it was thrown outwards, that lies in one
 * of the adapters below. A programming error inside an adapter (say, a NullPointerException) stays a 500.
 */
public final class FailedComponent {

    /** A component the client can be told about: its id in {@code /health/components} and its name in words. */
    public record Named(String id, String name, boolean diskFull) {
        Named(String id, String name) {
            this(id, name, false);
        }

        Named onAFullDisk() {
            return new Named(id, name, true);
        }
    }

    private record Origin(String packagePrefix, Named component) {
    }

    private static final Named EVENT_STORE = new Named("event-store", "event store");
    private static final List<Origin> ORIGINS = List.of(
            new Origin("io.modelregistry.server.axon.dynamodb.", new Named("event-store", "event store (DynamoDB)")),
            new Origin("io.modelregistry.server.auth.dynamodb.",
                    new Named("event-store", "credential store (DynamoDB, beside the event store)")),
            // embedded: one H2 database holds the log, the credentials, the token store and the read models, and
            // its own frames are the innermost of any failure inside it
            new Origin("org.h2.", new Named("event-store",
                    "embedded database (H2, which holds the event log, the credentials and the read models)")),
            new Origin("io.modelregistry.command.auth.jdbc.", new Named("event-store", "credential store (H2)")),
            new Origin("org.axonframework.eventsourcing.eventstore.", EVENT_STORE),
            new Origin("org.axonframework.eventhandling.tokenstore.", EVENT_STORE),
            new Origin("io.modelregistry.command.blob.s3.", new Named("blob-store", "blob store (S3)")),
            new Origin("io.modelregistry.command.blob.", new Named("blob-store", "blob store")),
            new Origin("io.modelregistry.projection.search.", new Named("search-index", "search index")),
            new Origin("io.modelregistry.projection.opensearch.", new Named("projections", "read models (OpenSearch)")),
            new Origin("io.modelregistry.projection.", new Named("projections", "read models")));

    private FailedComponent() {
    }

    /** The component {@code failure} says is unavailable, if it says so. */
    public static Optional<Named> of(Throwable failure) {
        if (!isOutage(failure)) {
            return Optional.empty();
        }
        // the innermost cause was thrown closest to the component; outer ones were wrapped on the way out
        List<Throwable> chain = chain(failure);
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (StackTraceElement frame : chain.get(i).getStackTrace()) {
                for (Origin origin : ORIGINS) {
                    if (frame.getClassName().startsWith(origin.packagePrefix())) {
                        return Optional.of(diskFull(chain) ? origin.component().onAFullDisk()
                                : origin.component());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The 503 for a request {@code component} failed: JSON, the component named, and when to try again. */
    public static ResponseEntity<Map<String, Object>> answer(Named component) {
        var body = ApiErrors.body(component.diskFull() ? ErrorMessage.COMPONENT_DISK_FULL
                : ErrorMessage.COMPONENT_UNAVAILABLE, component.name(), component.id()).getBody();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5").body(body);
    }

    /** ENOSPC as the JDK words it: the operator's fix is space, not a restart, so the answer says so. */
    private static boolean diskFull(List<Throwable> chain) {
        for (Throwable cause : chain) {
            if (cause instanceof IOException && String.valueOf(cause.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException
                    || cause instanceof TimeoutException || cause instanceof SQLException
                    || cause instanceof SdkClientException
                    || (cause instanceof SdkServiceException service && service.statusCode() >= 500)
                    || cause.getClass().getName().startsWith("org.opensearch.client.transport.")) {
                return true;
            }
        }
        return false;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null && chain.size() < 20 && !chain.contains(cause);
             cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
