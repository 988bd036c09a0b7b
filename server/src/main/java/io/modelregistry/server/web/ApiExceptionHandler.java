package io.modelregistry.server.web;

import io.modelregistry.api.error.ErrorMessage;
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
        return ApiErrors.body(ErrorMessage.REQUEST_ARTIFACT_MISSING);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.BodyTooLarge tooLarge) {
                return ApiErrors.body(ErrorMessage.REQUEST_BODY_TOO_LARGE, tooLarge.limit);
            }
        }
        return ApiErrors.body(ErrorMessage.REQUEST_BODY_NOT_JSON);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        return ApiErrors.body(ErrorMessage.REQUEST_PARAMETER_MALFORMED);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e) {
        return ApiErrors.body(ErrorMessage.REQUEST_HEADER_MISSING, e.getHeaderName());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        var supported = e.getSupportedMediaTypes();
        if (supported.isEmpty() || supported.stream().allMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            return ApiErrors.body(ErrorMessage.REQUEST_SEND_JSON);
        }
        // the upload endpoints take zips, not JSON
        return ApiErrors.body(ErrorMessage.REQUEST_SEND_MEDIA_TYPE, supported.stream()
                .map(MediaType::toString).collect(java.util.stream.Collectors.joining(", ")));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ApiErrors.body(ErrorMessage.REQUEST_NOT_ACCEPTABLE);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return ApiErrors.body(ErrorMessage.REQUEST_METHOD_NOT_ALLOWED, e.getMethod());
    }

    /** A multipart upload over {@code registry.upload.max-upload-bytes}, counted by the container as it arrives. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> uploadTooLarge(MaxUploadSizeExceededException e) {
        return ApiErrors.body(ErrorMessage.REQUEST_UPLOAD_TOO_LARGE);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
        return ApiErrors.body(ErrorMessage.REQUEST_MULTIPART_UNREADABLE);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
        return ApiErrors.body(ErrorMessage.REQUEST_NO_SUCH_ENDPOINT);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        var component = FailedComponent.of(e);
        if (component.isPresent()) {
            log.warn("The {} is unavailable: {}", component.get().name(), e.toString(), e);
            return FailedComponent.answer(component.get());
        }
        log.error("Unexpected failure", e);
        return ApiErrors.body(ErrorMessage.REGISTRY_FAILED);
    }
}
