package london.cofund.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the application's own API as {@code application/problem+json} (RFC 9457). A 400
 * carries {@code errors: [{field, message}]} naming each bad field; no response ever carries a
 * stack trace. A database outage is a 503 with Retry-After: the request stored nothing and may be
 * sent again.
 */
@RestControllerAdvice(basePackages = "london.cofund")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalid(InvalidRequestException e, HttpServletRequest request) {
    return badRequest(e.problems(), request);
  }

  /**
   * A refusal raised inside the engine (a task rule, a form validation) while serving an API call.
   */
  @ExceptionHandler({
    org.camunda.bpm.engine.BadUserRequestException.class,
    org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class
  })
  ResponseEntity<Object> refused(
      org.camunda.bpm.engine.ProcessEngineException e, HttpServletRequest request) {
    Throwable refusal =
        e instanceof london.cofund.system.process.RefusedTaskInput task ? task.refusal() : e;
    if (refusal.getCause() instanceof InvalidRequestException invalid) {
      return badRequest(invalid.problems(), request);
    }
    if (refusal.getCause() instanceof ConflictException conflict) {
      return conflict(conflict, request);
    }
    String field =
        refusal instanceof london.cofund.system.process.RefusedInput refused
                && refused.field() != null
            ? refused.field()
            : "request";
    String text = refusal.getMessage();
    String message = text.startsWith(field + ": ") ? text.substring(field.length() + 2) : text;
    return badRequest(List.of(new FieldProblem(field, message)), request);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e, HttpServletRequest request) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), request);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e, HttpServletRequest request) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), request);
  }

  @ExceptionHandler({OptimisticLockingException.class, DuplicateKeyException.class})
  ResponseEntity<Object> concurrentChange(RuntimeException e, HttpServletRequest request) {
    LOG.info("Concurrent change on {}: {}", request.getRequestURI(), e.getMessage());
    return problem(
        HttpStatus.CONFLICT,
        "Concurrent change",
        "Someone else changed this at the same moment; nothing of your request was stored. Reload and try again.",
        request);
  }

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<Object> unavailable(RuntimeException e, HttpServletRequest request) {
    LOG.error("Database unavailable on {}: {}", request.getRequestURI(), e.getMessage());
    ProblemDetail body =
        detail(
            HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.TITLE, DatabaseOutage.DETAIL, request);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
        .body(body);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    // The engine wraps a dropped connection in its own persistence exception, and a failed
    // rollback on a dead connection overrides the first failure: both are an outage all the same.
    if (DatabaseOutage.causes(e)) {
      return unavailable(new DataAccessResourceFailureException(e.getMessage(), e), request);
    }
    // A deadlock or serialization failure with the job executor, which works on the same process
    // at the same moment: the database rolled this request back, and it may be sent again.
    if (concurrencyFailure(e)) {
      return concurrentChange(new RuntimeException(e.getMessage(), e), request);
    }
    String incident = UUID.randomUUID().toString();
    LOG.error("Unexpected error {} on {}", incident, request.getRequestURI(), e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "Something went wrong on our side; nothing of your request was stored. Quote "
            + incident
            + " to the CoFund team.",
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getBindingResult().getFieldErrors().stream()
            .map(ApiExceptionHandler::toProblem)
            .sorted(java.util.Comparator.comparing(FieldProblem::field))
            .toList();
    if (problems.isEmpty()) {
      problems =
          e.getBindingResult().getGlobalErrors().stream()
              .map(error -> new FieldProblem(error.getObjectName(), error.getDefaultMessage()))
              .toList();
    }
    return badRequest(problems, servletRequest(request));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return badRequest(List.of(unreadable(e)), servletRequest(request));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      problem.setType(ProblemTypes.of(statusCode));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static FieldProblem toProblem(FieldError error) {
    return new FieldProblem(error.getField(), error.getDefaultMessage());
  }

  /**
   * Names the field behind a JSON that could not be read: wrong type, unknown enum, unknown field.
   */
  static FieldProblem unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      if (cause instanceof UnrecognizedPropertyException) {
        return new FieldProblem(field, "is not a field of this request");
      }
      if (cause instanceof InvalidFormatException format
          && format.getTargetType() != null
          && format.getTargetType().isEnum()) {
        return new FieldProblem(
            field,
            "'"
                + format.getValue()
                + "' is not one of "
                + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", ")));
      }
      if (cause instanceof InvalidNullException) {
        return new FieldProblem(field, "must not be null");
      }
      if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
        return new FieldProblem(field, "must be " + describe(mismatch.getTargetType()));
      }
      return new FieldProblem(field, "has a value of the wrong type");
    }
    if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
      return new FieldProblem(
          "body",
          "is not valid JSON (line "
              + json.getLocation().getLineNr()
              + ", column "
              + json.getLocation().getColumnNr()
              + ")");
    }
    return new FieldProblem("body", "is missing or is not valid JSON");
  }

  private static String describe(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 date-time with offset, for example 2017-08-14T17:00:00+01:00";
    }
    return "a JSON object";
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static ResponseEntity<Object> badRequest(
      List<FieldProblem> problems, HttpServletRequest request) {
    ProblemDetail body =
        detail(
            HttpStatus.BAD_REQUEST,
            "Invalid request",
            InvalidRequestException.summary(problems),
            request);
    body.setProperty("errors", problems);
    return ResponseEntity.badRequest().body(body);
  }

  private static ResponseEntity<Object> problem(
      HttpStatus status, String title, String detail, HttpServletRequest request) {
    return ResponseEntity.status(status).body(detail(status, title, detail, request));
  }

  private static ProblemDetail detail(
      HttpStatus status, String title, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(ProblemTypes.of(status));
    if (request != null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    return problem;
  }

  private static HttpServletRequest servletRequest(WebRequest request) {
    return request instanceof org.springframework.web.context.request.ServletWebRequest servlet
        ? servlet.getRequest()
        : null;
  }

  /**
   * Spring's translated lock failures, or a SQL state of class 40 (transaction rollback: 40001
   * serialization failure, 40P01 deadlock) however the engine wrapped it.
   */
  static boolean concurrencyFailure(Throwable failure) {
    return Causes.any(
        failure,
        cause ->
            cause instanceof org.springframework.dao.ConcurrencyFailureException
                || (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")));
  }
}
