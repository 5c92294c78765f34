package london.cofund.system.door;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Takes a task's grant away from the people it was assigned to before.
 *
 * <p>When a task is assigned, Camunda grants it to the new assignee (read and work), and never
 * takes that grant back when the task is unclaimed or reassigned: a borough officer whose claim
 * MOPAC moved on could still read the task and its variables, and complete it. This listener runs
 * on every assignment and update of a user task and leaves user grants only to the current assignee
 * and the task's candidate users; group grants are the model's and stay.
 */
final class FormerAssigneeGrants {

  private FormerAssigneeGrants() {}

  static void revoke(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return;
    }
    Set<String> keep = new HashSet<>();
    if (task.getAssignee() != null) {
      keep.add(task.getAssignee());
    }
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
        keep.add(link.getUserId());
      }
    }
    context.runWithoutAuthorization(
        () -> {
          for (Authorization grant :
              context
                  .getProcessEngineConfiguration()
                  .getAuthorizationService()
                  .createAuthorizationQuery()
                  .resourceType(Resources.TASK)
                  .resourceId(task.getId())
                  .list()) {
            if (grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                && grant.getUserId() != null
                && !Authorization.ANY.equals(grant.getUserId())
                && !keep.contains(grant.getUserId())) {
              context
                  .getAuthorizationManager()
                  .delete(
                      (org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) grant);
            }
          }
          return null;
        });
  }
}
