package io.modelregistry.server.web;

import io.modelregistry.api.error.RegistryException;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as JSON {@code {status, error, message}}: a clear message for what the client got
 * wrong, and for our own failures a generic message (the details go to the log, never to the client).
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<Map<String, Object>> registry(RegistryException e) {
        if (e.kind() == RegistryException.Kind.INTERNAL) {
            // "could not be stored" is our failure only when no component was away: then say which one was
            var component = FailedComponent.of(e);
            if (component.isPresent()) {
                log.warn("The {} is unavailable: {}", component.get().name(), e.getMessage(), e.getCause());
                return FailedComponent.answer(component.get());
            }
        }
        if (e.kind() == RegistryException.Kind.INTERNAL || e.kind() == RegistryException.Kind.UPSTREAM_UNAVAILABLE) {
            log.warn("{}: {}", e.kind(), e.getMessage(), e.getCause());
        }
        return ApiErrors.of(e);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Map<String, Object>> command(CommandExecutionException e) {
        if (e.getCause() instanceof RegistryException registryException) {
            return registry(registryException);
        }
        return unexpected(e);
    }

    @ExceptionHandler({AggregateNotFoundException.class, AggregateDeletedException.class})
    ResponseEntity<Map<String, Object>> missingAggregate(Exception e) {
        return ApiErrors.body(HttpStatus.NOT_FOUND, "Artifact does not exist.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.BodyTooLarge tooLarge) {
                return ApiErrors.body(HttpStatus.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + tooLarge.limit + " bytes.");
            }
        }
        return ApiErrors.body(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON.");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        return ApiErrors.body(HttpStatus.BAD_REQUEST, "A request parameter is missing or malformed.");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e) {
        return ApiErrors.body(HttpStatus.BAD_REQUEST, "Missing header " + e.getHeaderName() + ".");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        var supported = e.getSupportedMediaTypes();
        if (supported.isEmpty() || supported.stream().allMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            return ApiErrors.body(HttpStatus.BAD_REQUEST, "Send the body as application/json.");
        }
        // the upload endpoints take zips, not JSON
        return ApiErrors.body(HttpStatus.BAD_REQUEST, "Send the body as one of: " + supported.stream()
                .map(MediaType::toString).collect(java.util.stream.Collectors.joining(", ")) + ".");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ApiErrors.body(HttpStatus.NOT_ACCEPTABLE, "This endpoint answers application/json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return ApiErrors.body(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here.");
    }

    /** A multipart upload over {@code registry.upload.max-upload-bytes}, counted by the container as it arrives. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> uploadTooLarge(MaxUploadSizeExceededException e) {
        return ApiErrors.body(HttpStatus.PAYLOAD_TOO_LARGE,
                "The upload is larger than registry.upload.max-upload-bytes allows.");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
        return ApiErrors.body(HttpStatus.BAD_REQUEST, "The multipart body could not be read (malformed, cut short,"
                + " or larger than this endpoint accepts).");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
        return ApiErrors.body(HttpStatus.NOT_FOUND, "No such endpoint.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        var component = FailedComponent.of(e);
        if (component.isPresent()) {
            log.warn("The {} is unavailable: {}", component.get().name(), e.toString(), e);
            return FailedComponent.answer(component.get());
        }
        log.error("Unexpected failure", e);
        return ApiErrors.body(HttpStatus.INTERNAL_SERVER_ERROR, "The registry failed to handle this request.");
    }
}
