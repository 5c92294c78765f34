package london.cofund.system.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is working a task: the signed-in user whom the engine knows to be calling (engine-rest,
 * Tasklist), never a name that the caller could set; for the application's own calls, the task's
 * assignee. The door guard ({@code london.cofund.system.door.EngineDoorGuard}) lets only the
 * assignee complete a claimed task, so the two agree whenever both exist.
 */
public final class TaskActors {

  private TaskActors() {}

  /**
   * The acting user's id, or null when the engine is called without a user (the application
   * itself).
   */
  public static String actor(DelegateTask task) {
    Authentication current =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee();
  }

  /** The acting user's id, or "system" for the application's own calls: for the record. */
  public static String actorOrSystem(DelegateTask task) {
    String actor = actor(task);
    return actor == null ? "system" : actor;
  }
}
