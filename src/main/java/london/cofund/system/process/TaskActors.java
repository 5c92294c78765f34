package london.cofund.system.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is working a task: its assignee, else whoever the engine knows to be calling (engine-rest,
 * Tasklist).
 */
public final class TaskActors {

  private TaskActors() {}

  /**
   * The acting user's id, or null when the engine is called without a user (the application
   * itself).
   */
  public static String actor(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication current =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /** The acting user's id, or "system" for the application's own calls: for the record. */
  public static String actorOrSystem(DelegateTask task) {
    String actor = actor(task);
    return actor == null ? "system" : actor;
  }
}
