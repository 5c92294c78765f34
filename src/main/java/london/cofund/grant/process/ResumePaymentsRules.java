package london.cofund.grant.process;

import static london.cofund.grant.process.GrantProcess.*;

import london.cofund.grant.GrantService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_ResumePayments}: {@code resumeReason}; payments resume and those held while
 * suspended are released.
 */
@Component
class ResumePaymentsRules extends TaskRulesFor {

  private final GrantService grants;
  private final GrantTaskSupport support;

  ResumePaymentsRules(GrantService grants, GrantTaskSupport support) {
    super(KEY, TASK_RESUME_PAYMENTS);
    this.grants = grants;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    support.brief(
        task,
        "Payments are suspended: "
            + support.grant(task).suspensionReason()
            + ". Complete this task, with a reason, to resume them; payments held meanwhile are"
            + " then released.");
  }

  @Override
  public void onComplete(DelegateTask task) {
    grants.resume(
        support.reference(task), ProcessVariables.requiredString(task, VAR_RESUME_REASON, 4000));
  }
}
