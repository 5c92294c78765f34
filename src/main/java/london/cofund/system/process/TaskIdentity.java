package london.cofund.system.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What a task is about and whom it is for, read from what no user can write: the process's business
 * key (a round id or a proposal reference) and the candidate group that the engine fixed when it
 * created the task. Task rules take identity from here, never from a variable that a completion
 * could have carried.
 */
public final class TaskIdentity {

  private TaskIdentity() {}

  /** The business key of the task's process: the round id or the proposal reference. */
  public static String businessKey(DelegateTask task) {
    String key = task.getExecution().getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      throw new IllegalStateException(
          "Task " + task.getTaskDefinitionKey() + " belongs to a process without a business key");
    }
    return key;
  }

  /** The one candidate group the task was offered to when it was created. */
  public static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(group -> group != null)
        .findFirst()
        // Every model's task is offered to a group (ModelRulesTest); none left means another
        // transaction has just completed the task and removed its links.
        .orElseThrow(
            () ->
                new OptimisticLockingException(
                    "Task "
                        + task.getTaskDefinitionKey()
                        + " was completed by someone else while this completion ran"));
  }
}
