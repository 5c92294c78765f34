package london.cofund.system.process;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/** Changes to who may see and work one task, made by the application whoever is calling. */
public final class TaskGrants {

  private TaskGrants() {}

  /**
   * Hides the task from one person although their group is offered it: a revoke of every permission
   * on this task for that user, which Camunda applies over the group's grant.
   */
  public static void withhold(DelegateTask task, String userId) {
    withhold(task.getProcessEngineServices(), task.getId(), userId);
  }

  /** The same for a task known by its id, from within a command of the engine. */
  public static void withhold(ProcessEngineServices engine, String taskId, String userId) {
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              AuthorizationService authorizations = engine.getAuthorizationService();
              Authorization revoke =
                  authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
              revoke.setUserId(userId);
              revoke.setResource(Resources.TASK);
              revoke.setResourceId(taskId);
              revoke.removePermission(Permissions.ALL);
              authorizations.saveAuthorization(revoke);
              return null;
            });
  }
}
