package london.cofund.grant.process;

import static london.cofund.grant.process.GrantProcess.*;

import london.cofund.grant.GrantService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of the closure's two tasks: {@code Task_SubmitFinalReport} ({@code finalReport}, the
 * lead's) and {@code Task_RecordEvaluation} ({@code evaluation}, MOPAC's), which closes the grant.
 */
@Component
class CloseGrantRules extends TaskRulesFor {

  private final GrantService grants;
  private final GrantTaskSupport support;

  CloseGrantRules(GrantService grants, GrantTaskSupport support) {
    super(KEY, TASK_SUBMIT_FINAL_REPORT, TASK_RECORD_EVALUATION);
    this.grants = grants;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    if (TASK_SUBMIT_FINAL_REPORT.equals(task.getTaskDefinitionKey())) {
      support.brief(
          task,
          "Every quarter is reported. Submit the final report: it closes the grant with MOPAC's evaluation.");
    } else {
      String report = support.grant(task).finalReport();
      support.brief(
          task,
          "Evaluate the project; your evaluation closes the grant.\n\nFinal report: " + report);
    }
  }

  @Override
  public void onComplete(DelegateTask task) {
    String reference = support.reference(task);
    if (TASK_SUBMIT_FINAL_REPORT.equals(task.getTaskDefinitionKey())) {
      grants.recordFinalReport(
          reference, ProcessVariables.requiredString(task, VAR_FINAL_REPORT, 16_000));
    } else {
      grants.close(reference, ProcessVariables.requiredString(task, VAR_EVALUATION, 16_000));
    }
  }
}
