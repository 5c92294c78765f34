package london.cofund.system.door;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Map;
import london.cofund.system.Causes;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Answers that engine-rest would give as a 500 but are not CoFund's fault. A refused input that
 * engine-rest wraps (a start through {@code /start}) is a 400 with its message.
 *
 * <p>Two people acting on the same task at the same moment get a 409 that says to look again, not
 * engine-rest's 500. The engine refuses the later of two concurrent changes with an {@link
 * OptimisticLockingException}, and the door guard refuses a completion of a task that has just
 * ended with a {@link TaskAlreadyEndedException}; engine-rest wraps both in a 500 {@link
 * RestException}. These mappers look through the wrapping; every other error keeps Camunda's own
 * answer.
 */
@Component
class EngineRestConflicts implements ResourceConfigCustomizer {

  static final String MESSAGE =
      "Someone else changed this at the same moment, and their change was kept. Reload the task"
          + " and try again if it is still yours to do.";

  @Override
  public void customize(ResourceConfig config) {
    config.register(WrappedConflicts.class);
    config.register(Conflicts.class);
    config.register(EndedTasks.class);
  }

  /** A conflict that engine-rest wrapped in a 500. Higher priority than Camunda's own mapper. */
  @Provider
  @Priority(1)
  public static class WrappedConflicts implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      if (exception.getStatus() != Response.Status.INTERNAL_SERVER_ERROR) {
        return camunda.toResponse(exception); // engine-rest chose its answer: keep it as it is
      }
      Throwable conflict = conflictIn(exception);
      if (conflict != null) {
        return conflict(conflict);
      }
      BadUserRequestException refused = refusalIn(exception);
      if (refused != null && !(refused instanceof NotFoundException)) {
        // A refusal of the input (a start through /start, whose refusals engine-rest would call a
        // 500): a 400 with the message, which names the field.
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                Map.of(
                    "type",
                    refused.getClass().getSimpleName(),
                    "message",
                    refused.getMessage(),
                    "code",
                    0))
            .build();
      }
      if (exception.getCause() instanceof NotFoundException notFound) {
        // The door guard's "no open task": engine-rest's completion would call it a 500.
        return Response.status(Response.Status.NOT_FOUND)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                Map.of("type", "NotFoundException", "message", notFound.getMessage(), "code", 0))
            .build();
      }
      return camunda.toResponse(exception);
    }
  }

  /** A conflict that reached engine-rest unwrapped (claim, unclaim, set assignee). */
  @Provider
  public static class Conflicts implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException exception) {
      return conflict(exception);
    }
  }

  /** A task that has just ended, reached unwrapped (claim, unclaim, set assignee). */
  @Provider
  public static class EndedTasks implements ExceptionMapper<TaskAlreadyEndedException> {
    @Override
    public Response toResponse(TaskAlreadyEndedException exception) {
      return conflict(exception);
    }
  }

  static BadUserRequestException refusalIn(Throwable failure) {
    return Causes.first(failure, BadUserRequestException.class);
  }

  /**
   * Someone else's change at the same moment: the engine's optimistic locking, a task that has just
   * ended, the same answer written twice (CoFund's own rows are unique, so the later writer meets
   * the earlier one's key), or a row lock held too long or a deadlock the database broke.
   */
  private static final List<Class<? extends Throwable>> CONFLICTS =
      List.of(
          OptimisticLockingException.class,
          TaskAlreadyEndedException.class,
          DuplicateKeyException.class,
          ConcurrencyFailureException.class,
          SQLTransientException.class);

  static Throwable conflictIn(Throwable failure) {
    return Causes.first(failure, CONFLICTS);
  }

  static Response conflict(Throwable conflict) {
    String message =
        conflict instanceof TaskAlreadyEndedException ended ? ended.getMessage() : MESSAGE;
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "Conflict", "message", message, "code", 0))
        .build();
  }
}
