package dev.argus.api.system;

import java.net.SocketTimeoutException;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error raised while handling a request into the seed's {@code {"detail": "..."}} body:
 * invalid query parameters are 422 (as the seed's validation errors are), unknown routes 404, wrong
 * methods 405, malformed JSON bodies 400 (well-formed JSON with a wrong type or a NUL is 422), an
 * unreachable database or one out of disk space 503 and anything unexpected a logged 500 that does
 * not leak internals.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  static final String DATABASE_UNAVAILABLE = DatabaseFailures.UNAVAILABLE;
  static final String SCHEMA_NOT_READY = "Database schema is not ready yet, try again shortly";
  static final String BODY_TOO_SLOW =
      "Request body not received in time; send the whole body at once";
  static final String INTERNAL_ERROR = "Internal server error; it has been logged";

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  // Absent in web-slice tests, which have no database.
  private final ObjectProvider<DatabaseSpace> space;

  ApiExceptionHandler(ObjectProvider<DatabaseSpace> space) {
    this.space = space;
  }

  /** Bean Validation constraints on controller parameters, e.g. {@code @Max} on page_size. */
  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ErrorBody> invalidParameter(HandlerMethodValidationException e) {
    String detail =
        e.getAllErrors().stream()
            .map(MessageSourceResolvable::getDefaultMessage)
            .sorted()
            .collect(Collectors.joining("; "));
    return error(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }

  /** Bean Validation constraints on a request body marked {@code @Valid}. */
  @ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
  ResponseEntity<ErrorBody> invalidBody(
      org.springframework.web.bind.MethodArgumentNotValidException e) {
    String detail =
        e.getBindingResult().getAllErrors().stream()
            .map(MessageSourceResolvable::getDefaultMessage)
            .sorted()
            .collect(Collectors.joining("; "));
    return error(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }

  /** A parameter that cannot be converted, e.g. {@code page=abc}. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorBody> unconvertibleParameter(MethodArgumentTypeMismatchException e) {
    return error(
        HttpStatus.UNPROCESSABLE_CONTENT,
        e.getName() + " must be " + expected(e.getRequiredType()) + ", got '" + e.getValue() + "'");
  }

  /**
   * A body that is not JSON is 400; JSON with a value of the wrong type (a string for a boolean, a
   * fraction for an integer, an unparseable date, a number out of range) is a validation error, 422
   * naming the field and what it must be.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadableBody(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException) {
        return error(HttpStatus.CONTENT_TOO_LARGE, RequestBodyLimitFilter.DETAIL);
      }
      if (cause instanceof RequestBodyLimitFilter.BodyTooSlowException
          || cause instanceof SocketTimeoutException) {
        return error(HttpStatus.REQUEST_TIMEOUT, BODY_TOO_SLOW);
      }
    }
    return JsonInputErrors.detail(e)
        .map(detail -> error(HttpStatus.UNPROCESSABLE_CONTENT, detail))
        .orElseGet(
            () ->
                error(
                    HttpStatus.BAD_REQUEST,
                    "Malformed JSON request body; send a valid JSON document"));
  }

  /** A NUL in a JSON string (see {@link TextInput}). */
  @ExceptionHandler(TextInput.InvalidTextException.class)
  ResponseEntity<ErrorBody> invalidText(TextInput.InvalidTextException e) {
    return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
  }

  /**
   * Tomcat's parameter parsing failed (e.g. more than {@code server.tomcat.max-parameter-count}
   * parameters); {@link QueryParameterFilter} answers the malformed ones before this can happen.
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ErrorBody> unparseableParameters(InvalidParameterException e) {
    HttpStatus status = HttpStatus.resolve(e.getErrorCode());
    return error(
        status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
        "The query parameters cannot be parsed (too many, or malformed); send well-formed"
            + " name=value pairs");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ErrorBody> unknownRoute(NoResourceFoundException e) {
    return error(
        HttpStatus.NOT_FOUND, "Not found: " + e.getHttpMethod() + " /" + e.getResourcePath());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorBody> wrongMethod(HttpRequestMethodNotSupportedException e) {
    String detail = "Method " + e.getMethod() + " is not allowed here";
    if (e.getSupportedMethods() != null) {
      detail += "; use " + String.join(", ", e.getSupportedMethods());
    }
    // The Allow header lists the supported methods, as HTTP requires for a 405.
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .headers(e.getHeaders())
        .body(new ErrorBody(detail));
  }

  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ErrorBody> databaseFailure(DataAccessException e) {
    // Before "unreachable": Spring files PostgreSQL's disk_full under resource failures too.
    if (DatabaseFailures.isOutOfSpace(e)) {
      space.ifAvailable(s -> s.recordIfOutOfSpace(e));
      return error(HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.OUT_OF_SPACE);
    }
    if (DatabaseFailures.isUnreachable(e)) {
      log.warn("Database unavailable: {}", e.getMostSpecificCause().getMessage());
      return error(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
    }
    if (DatabaseFailures.isSchemaMissing(e)) {
      log.warn("Database schema not migrated yet: {}", e.getMostSpecificCause().getMessage());
      return error(HttpStatus.SERVICE_UNAVAILABLE, SCHEMA_NOT_READY);
    }
    return unexpected(e);
  }

  /**
   * A transaction that could not begin (no connection: the database is down) or end (the server
   * dropped the connection, or could not write the commit) is the database's failure, not a bug.
   */
  @ExceptionHandler(TransactionException.class)
  ResponseEntity<ErrorBody> transactionFailure(TransactionException e) {
    if (DatabaseFailures.isOutOfSpace(e)) {
      space.ifAvailable(s -> s.recordIfOutOfSpace(e));
      return error(HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.OUT_OF_SPACE);
    }
    if (DatabaseFailures.isUnreachable(e)) {
      log.warn("Database unavailable: {}", e.getMostSpecificCause().getMessage());
      return error(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
    }
    return unexpected(e);
  }

  /**
   * Spring's own web exceptions (406, 415, {@code ResponseStatusException} thrown by controllers
   * for 404 and 422, ...) carry their status and detail; anything else is a bug.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> other(Exception e) {
    if (e instanceof ErrorResponse response) {
      return ResponseEntity.status(response.getStatusCode())
          .headers(response.getHeaders())
          .body(new ErrorBody(detailOf(response)));
    }
    return unexpected(e);
  }

  private ResponseEntity<ErrorBody> unexpected(Exception e) {
    log.error("Unexpected error while handling a request", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR);
  }

  private static String detailOf(ErrorResponse response) {
    String detail = response.getBody().getDetail();
    if (detail != null) {
      return detail;
    }
    HttpStatusCode status = response.getStatusCode();
    HttpStatus known = HttpStatus.resolve(status.value());
    return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
  }

  private static String expected(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == java.time.LocalDate.class) {
      return "a date like 2026-05-27";
    }
    return "a valid " + (type == null ? "value" : type.getSimpleName());
  }

  private static ResponseEntity<ErrorBody> error(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(new ErrorBody(detail));
  }
}
